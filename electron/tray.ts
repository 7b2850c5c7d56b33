// The tray icon: renders what electron/core/tray-model.ts decides (icon, tooltip, menu) and turns menu
// clicks into actions. Linux desktops differ in which click events they deliver, so the menu is always
// attached; a left click opens the window where the platform reports it.
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { join } from 'node:path';
import type { AppState } from '../shared/ipc';
import {
  menuIconFile,
  trayIconFile,
  trayMenuModel,
  trayTooltip,
  type TrayAction,
  type TrayMenuItem,
} from './core/tray-model';

export interface StatusTrayOptions {
  /** Folder holding build/icons/tray (packaged: resources/tray). */
  iconsDir: string;
  platform: NodeJS.Platform;
  now?: () => number;
  act(action: TrayAction): void;
}

export class StatusTray {
  private readonly tray: Tray;
  private readonly images = new Map<string, NativeImage>();
  private shownIcon: string | null = null;
  private state: AppState | null = null;

  constructor(
    initial: AppState,
    private readonly options: StatusTrayOptions,
  ) {
    const first = this.icon(initial);
    this.tray = new Tray(first.image);
    this.shownIcon = first.file;
    if (options.platform === 'win32') {
      this.tray.on('click', () => options.act({ kind: 'open-window' }));
    }
    this.update(initial);
  }

  update(state: AppState): void {
    this.state = state;
    const now = (this.options.now ?? Date.now)();
    const { file, image } = this.icon(state);
    if (file !== this.shownIcon) {
      this.tray.setImage(image);
      this.shownIcon = file;
    }
    this.tray.setToolTip(trayTooltip(state, { platform: this.options.platform, now }));
    const template = this.toTemplate(trayMenuModel(state, { now }));
    this.tray.setContextMenu(Menu.buildFromTemplate(template));
  }

  /** The last state shown (for tests and for rebuilding the menu when a pause runs out). */
  get current(): AppState | null {
    return this.state;
  }

  destroy(): void {
    this.tray.destroy();
  }

  private icon(state: AppState): { file: string; image: NativeImage } {
    const choice = trayIconFile(state.tray, this.options.platform);
    const image = this.image(choice.file);
    if (choice.template) image.setTemplateImage(true);
    return { file: choice.file, image };
  }

  private image(file: string): NativeImage {
    let image = this.images.get(file);
    if (!image) {
      image = nativeImage.createFromPath(join(this.options.iconsDir, file));
      this.images.set(file, image);
    }
    return image;
  }

  private toTemplate(items: TrayMenuItem[]): MenuItemConstructorOptions[] {
    return items.map((item): MenuItemConstructorOptions => {
      if (item.type === 'separator') return { type: 'separator' };
      if (item.type === 'submenu') {
        return { label: item.label, enabled: item.enabled, submenu: this.toTemplate(item.items) };
      }
      const action = item.action;
      return {
        label: item.label,
        enabled: item.enabled,
        ...(item.status ? { icon: this.image(menuIconFile(item.status)) } : {}),
        ...(action ? { click: () => this.options.act(action) } : {}),
      };
    });
  }
}
