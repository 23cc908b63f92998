// ECharts' own installers, one file each (`diagram.ts`): `echarts/charts`, `echarts/components` and
// `echarts/renderers` load every chart type and component in Node.js, where no bundler shakes them out (about 33 MB
// more resident memory in the report service). ECharts ships no types beside these files; each is an installer for `use`.

declare module 'echarts/lib/chart/bar/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/chart/line/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/component/grid/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/component/legend/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/component/marker/installMarkLine.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/component/tooltip/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  export function install(registers: unknown): void;
}
