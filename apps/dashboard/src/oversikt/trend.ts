// The trend is drawn the same in the dashboard and in the report's files: it lives in @tertial/diagram.
export { beskrivTrend, TREND_HOJD_PX, TRENDNAMN, trendensForandring } from '@tertial/diagram';
