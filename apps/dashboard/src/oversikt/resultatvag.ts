// The walk is drawn the same in the dashboard and in the report's files: it lives in @tertial/diagram.
export { beskrivResultatvag, RESULTATVAG_HOJD_PX, resultatvag } from '@tertial/diagram';
