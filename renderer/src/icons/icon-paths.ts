// Line icons on a 24×24 grid, drawn with the stroke (currentColor), so they follow the text colour.
export const ICON_PATHS = {
  flash: 'M13 2 4 14h7l-1 8 9-12h-7l1-8z',
  memory: 'M7 4h10v16H7z M4 8h3 M4 12h3 M4 16h3 M17 8h3 M17 12h3 M17 16h3',
  registers: 'M4 5h16v4H4z M4 10h16v4H4z M4 15h16v4H4z M8 5v14',
  map: 'M12 3 3 7.5l9 4.5 9-4.5z M3 12l9 4.5 9-4.5 M3 16.5l9 4.5 9-4.5',
  console: 'M3 4h18v16H3z M7 9l3 3-3 3 M12 15h5',
  scripts: 'M8 7l-5 5 5 5 M16 7l5 5-5 5 M14 4l-4 16',
  log: 'M6 3h9l4 4v14H6z M14 3v5h5 M9 12h7 M9 16h7',
  connect: 'M9 2v5 M15 2v5 M6 7h12v4a6 6 0 0 1-12 0z M12 17v5',
  halt: 'M7 5h3v14H7z M14 5h3v14h-3z',
  run: 'M7 4l13 8-13 8z',
  step: 'M4 12h11 M11 8l4 4-4 4 M19 5v14',
  reset: 'M4 12a8 8 0 1 0 2.3-5.7 M4 4v5h5',
  resetHalt: 'M4 12a8 8 0 1 0 2.3-5.7 M4 4v5h5 M10 9v6 M14 9v6',
  refresh: 'M20 12a8 8 0 1 1-2.3-5.7 M20 4v5h-5',
  disconnect: 'M9 2v5 M15 2v5 M6 7h12v4a6 6 0 0 1-12 0z M12 17v5 M3 3l18 18',
  chip: 'M7 7h10v10H7z M10 3v4 M14 3v4 M10 17v4 M14 17v4 M3 10h4 M3 14h4 M17 10h4 M17 14h4',
} as const;

export type IconName = keyof typeof ICON_PATHS;
