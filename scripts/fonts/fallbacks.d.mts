/** A system serif the fallback faces scale: its name, its local() names and its average letter width per em. */
export interface SystemSerif {
  name: string;
  locals: string[];
  widthPerEm: number;
}
export const SYSTEM_SERIFS: SystemSerif[];
export function measureFont(file: string): Promise<{ widthPerEm: number; ascent: number; descent: number; lineGap: number }>;
export function fallbackFamily(webFamily: string, serif: SystemSerif): string;
export function fallbackStylesheet(): Promise<string>;
