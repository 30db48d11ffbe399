import { ActionIcon, AppShell, Burger, Group, NavLink, Text, Title, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useUi } from '../state/ui-store';
import { SECTIONS } from './sections';

export function AppFrame() {
  const [navOpen, { toggle }] = useDisclosure();
  const section = useUi((s) => s.section);
  const go = useUi((s) => s.go);
  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0]!;
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a change of section, move focus to its heading so keyboard and
  // screen-reader users know where they are. Not on start: the skip link comes first.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [section]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="lg">
      <a href="#innehall" className="skip-link">Hoppa till innehållet</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Visa eller dölj menyn" />
            <Text component="span" fw={700} size="lg">Styrelsebordet</Text>
          </Group>
          <ColorSchemeToggle />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Huvudmeny">
        <nav aria-label="Avsnitt">
          {SECTIONS.map((s) => (
            <NavLink
              key={s.id}
              component="button"
              variant="filled"
              label={s.label}
              description={s.description}
              active={s.id === section}
              aria-current={s.id === section ? 'page' : undefined}
              onClick={() => go(s.id)}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main id="innehall" ref={mainRef}>
        {current.render()}
      </AppShell.Main>
    </AppShell>
  );
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  const label = next === 'dark' ? 'Byt till mörkt utseende' : 'Byt till ljust utseende';
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setColorScheme(next)}>
        {computed === 'dark' ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}

/** A section's page title; focusable so focus can move to it on navigation. */
export function PageTitle({ children }: { children: string }) {
  return (
    <Title order={1} size="h2" tabIndex={-1} mb="md" style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}
