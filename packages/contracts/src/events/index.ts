import { bokslutFaststallt } from './bokslut-faststallt.js';
import { bolagsbudgetUppdaterad, bolagsprognosAndrad, bolagsutfallUppdaterat } from './bolag-uppdaterat.js';
import {
  ansvarsbudgetUppdaterad,
  investeringsprojektUppdaterat,
  namndramUppdaterad,
  verksamhetsbudgetUppdaterad,
} from './budget-uppdaterad.js';
import {
  inriktningUppdaterad,
  koladaJamforelseUppdaterad,
  malbedomningUppdaterad,
  malUppdaterat,
  matvardenUppdaterade,
  nyckeltalUppdaterat,
} from './goal-uppdaterad.js';
import { helarsprognosAndrad } from './helarsprognos-andrad.js';
import { kontoplanUppdaterad } from './kontoplan-uppdaterad.js';
import { organisationsnodUppdaterad } from './organisationsnod-uppdaterad.js';
import { prognosomgangAndrad } from './prognosomgang-andrad.js';
import { resultatoverforingBeslutad } from './resultatoverforing-beslutad.js';
import { utfallAnsvarUppdaterat } from './utfall-ansvar-uppdaterat.js';

export * from './bokslut-faststallt.js';
export * from './bolag-uppdaterat.js';
export * from './budget-uppdaterad.js';
export * from './goal-uppdaterad.js';
export * from './helarsprognos-andrad.js';
export * from './kontoplan-uppdaterad.js';
export * from './organisationsnod-uppdaterad.js';
export * from './prognosomgang-andrad.js';
export * from './resultatoverforing-beslutad.js';
export * from './utfall-ansvar-uppdaterat.js';

/** Every event of the system: the topic list that infra creates up front, each with its dead-letter topic. */
export const ALL_EVENTS = [
  organisationsnodUppdaterad,
  helarsprognosAndrad,
  prognosomgangAndrad,
  utfallAnsvarUppdaterat,
  namndramUppdaterad,
  ansvarsbudgetUppdaterad,
  investeringsprojektUppdaterat,
  verksamhetsbudgetUppdaterad,
  inriktningUppdaterad,
  malUppdaterat,
  nyckeltalUppdaterat,
  matvardenUppdaterade,
  koladaJamforelseUppdaterad,
  malbedomningUppdaterad,
  bokslutFaststallt,
  resultatoverforingBeslutad,
  bolagsbudgetUppdaterad,
  bolagsutfallUppdaterat,
  bolagsprognosAndrad,
  kontoplanUppdaterad,
] as const;
