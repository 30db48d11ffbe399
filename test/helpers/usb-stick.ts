/** Tests carry packages between laptops the way the demo does (upload and download, never bytes through the contract). */
export { exportedBytes, upload, withUsb, type Carried, type WithUsb } from '../../electron/services/demo/carry';
