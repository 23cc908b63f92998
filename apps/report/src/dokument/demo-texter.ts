import type { Rapporttyp, Textblock } from '@tertial/contracts/dto';

const stycke = (text: string): Textblock => ({ typ: 'stycke', text });
const lista = (...punkter: string[]): Textblock => ({ typ: 'lista', punkter });

/**
 * The texts the ekonomidirektör's staff write in the demo city's reports, per section: plain paragraphs and lists,
 * as the dashboard's editor takes them. The figures are never in them; the sections' tables carry those.
 */
export const DEMO_TEXTER: Record<Rapporttyp, (ar: number) => Record<string, Textblock[]>> = {
  arsredovisning: (ar) => ({
    'vasentliga-handelser': [
      stycke(
        `Demostadens årsredovisning ${ar}: siffrorna kommer ur bokslutet, resultaträkningen, balanskravsutredningen och kommunfullmäktiges beslut om resultatöverföring.`,
      ),
      stycke(
        `Året präglades av en svagare konjunktur än väntat. Skatteintäkterna växte långsammare än i budgeten, samtidigt som kostnaderna för placeringar av barn och unga och för bemanningen i äldreomsorgen ökade.`,
      ),
      lista(
        'Socialnämnden och vård- och omsorgsnämnden redovisar underskott mot sina ramar; övriga nämnder håller sina ramar eller visar överskott.',
        'Två nya förskolor i norra Helsingborg och den ombyggda Fredriksdalsskolan togs i bruk under hösten.',
        'Öresundskrafts nya biobränslepanna togs i drift i juni, och andelen förnybar fjärrvärme ökade.',
        'Staden införde e-tjänst för bygglov, och handläggningstiden kortades.',
      ),
    ],
    framtid: [
      stycke(
        'Prognoserna för skatteunderlaget pekar på en svag återhämtning under de kommande åren, men befolkningen växer och andelen äldre och yngre ökar snabbare än andelen i arbetsför ålder. Behoven i välfärden växer därmed snabbare än intäkterna.',
      ),
      stycke(
        'För att nå ett resultat om två procent av skatteintäkterna behöver nämnderna fortsätta effektivisera och prioritera. Investeringsplanen är omfattande, och avskrivningar och räntor tar en växande del av budgeten; investeringarna prövas därför mot sina driftkostnader innan de startar.',
      ),
      lista(
        'Socialnämnden och vård- och omsorgsnämnden har handlingsplaner för en ekonomi i balans som följs upp i varje delårsrapport.',
        'Stadens lokalförsörjningsplan samordnas med befolkningsprognosen för att undvika tomma lokaler.',
        'Koncernens bolag fortsätter omställningen till förnybar energi och energieffektiva bostäder.',
      ),
    ],
  }),
  'delarsrapport-april': (ar) => ({
    'vasentliga-handelser': [
      stycke(
        `Delårsrapporten omfattar januari–april ${ar}. Nämndernas helårsprognoser lämnades av varje ansvars chef och klarmarkerades före deadline; prognosomgången stängdes i maj.`,
      ),
      lista(
        'Kostnaderna för placeringar av barn och unga fortsätter att öka, och socialnämnden prognostiserar ett underskott.',
        'Vintern var kall och gav högre uppvärmningskostnader för stadens lokaler och för Helsingborgshem.',
        'Rekryteringen av sjuksköterskor och förskollärare är fortsatt svår.',
      ),
    ],
    framtid: [
      stycke(
        'Prognosen efter första tertialet är osäker: löneavtalen och inflationen under hösten påverkar både kostnaderna och skatteintäkterna. Nämnder med prognostiserade underskott redovisar åtgärder till kommunstyrelsen i juni, och nästa prognos lämnas i augusti.',
      ),
    ],
  }),
  'delarsrapport-augusti': (ar) => ({
    'vasentliga-handelser': [stycke(`Delårsrapporten omfattar januari–augusti ${ar}.`)],
  }),
};
