// ECharts' own installers, one file each (`diagram.ts`): `echarts/charts`, `echarts/components` and
// `echarts/renderers` load every chart type and component in Node.js, where no bundler shakes them out (about 33 MB
// more resident memory in the report service). ECharts ships no types beside these files; each is an installer for
// `use`, and only installers are imported from `echarts/lib/`.
declare module 'echarts/lib/*' {
  export function install(registers: unknown): void;
}
