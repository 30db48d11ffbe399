import { ActionIcon, AppShell, Burger, Group, NavLink, Stack, Text, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { Fragment, memo, useEffect, useRef, useState } from 'react';
import { useOpenedPackages } from '../features/packages/opened-packages';
import { useFederationSelector } from '../state/federation';
import { go, useRoute } from '../routes/router';
import { DemoBadge } from './DemoBadge';
import { HeaderStatus } from './HeaderStatus';
import { useHashRoute } from '../routes/hash-route';
import { sectionsFor } from './sections';

/**
 * The frame around every screen. It watches the förbund's name, not the whole
 * state or session: saving a stance re-renders the header's status and the
 * page part that shows it, not the frame and menu (issue #16).
 */
export const AppFrame = memo(function AppFrame({ hasForbund, demo, sessionName }: { hasForbund: boolean; demo: boolean; sessionName: string | undefined }) {
  useOpenedPackages();
  const [navOpen, { toggle }] = useDisclosure();
  // From 1024 px the menu can be folded away to give the page the whole width (issue #15 item 7).
  const [deskNavOpen, { toggle: toggleDesk }] = useDisclosure(true);
  const section = useRoute().section;
  const sections = sectionsFor(hasForbund);
  // The name as the events say (it may have been changed since set-up), else as the session knows it.
  // Only the name is watched: the frame does not render again for a stance (issue #16).
  const forbundName = useFederationSelector((s) => s.federation?.name) ?? sessionName ?? 'Styrelsebordet';
  const current = sections.find((s) => s.id === section) ?? sections[0]!;
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // Choosing a section in the menu starts it afresh (Ansökningar shows its list, not the page last open).
  const [visit, setVisit] = useState(0);
  useHashRoute(() => setVisit((v) => v + 1));

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
    <AppShell header={{ height: 64 }} navbar={{ width: { sm: 200, lg: 240 }, breakpoint: 'sm', collapsed: { mobile: !navOpen, desktop: !deskNavOpen } }} padding="lg">
      <a href="#innehall" className="skip-link">Hoppa till innehållet</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
            <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Visa eller dölj menyn" />
            <Burger opened={deskNavOpen} onClick={toggleDesk} visibleFrom="sm" size="sm" aria-label={deskNavOpen ? 'Dölj menyn' : 'Visa menyn'} aria-expanded={deskNavOpen} />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text component="span" size="xs" c="dimmed" visibleFrom="lg">Styrelsebordet</Text>
              {/* Below 1200 px the name may take two lines in a smaller size rather than being cut ("Samordningsförbundet Ö…"). */}
              <Text component="span" fw={700} lh={1.2} lineClamp={2} className="header-title" title={forbundName} data-testid="forbund-name">
                {forbundName}
              </Text>
            </Stack>
          </Group>
          <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
            {demo && <DemoBadge />}
            <HeaderStatus />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Huvudmeny">
        <nav aria-label="Avsnitt">
          {sections.map((s) => (
            <NavLink
              key={s.id}
              component="button"
              variant="filled"
              label={s.label}
              description={s.description}
              active={s.id === current.id}
              aria-current={s.id === current.id ? 'page' : undefined}
              onClick={() => {
                go(s.id);
                setVisit((v) => v + 1);
              }}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main id="innehall" ref={mainRef}>
        <Fragment key={`${current.id}-${visit}`}>{current.render()}</Fragment>
      </AppShell.Main>
    </AppShell>
  );
});

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
