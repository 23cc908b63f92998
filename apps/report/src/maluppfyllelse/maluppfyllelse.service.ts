import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import {
  KONCERNBOLAG,
  uppfoljningensSistaDag,
  type InriktningDto,
  type MalbedomningDto,
  type MaluppfyllelseEkonomi,
  type MaluppfyllelseNamnd,
  type MaluppfyllelseNamndDetalj,
  type MaluppfyllelseOversikt,
  type MalversionDto,
  type Uppfoljningstillfalle,
} from '@tertial/contracts/dto';
import { prognostillfalleSchema } from '@tertial/contracts/prognos';
import { Omfang, OrganisationReplica, ProblemException, type Principal } from '@tertial/service-kit';

import { UppfoljningService } from '../uppfoljning/uppfoljning.service.js';
import { RapportInriktning, RapportMal, RapportMalbedomning } from './maluppfyllelse.entity.js';
import { malPerNamnd, raknaAntal, summeraAntal, type MalUnderlag } from './sammanstall.js';

/** Goal attainment per nämnd and bolag and for the city at each follow-up, beside the money of the same follow-up. */
@Injectable()
export class MaluppfyllelseService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
    @Inject(UppfoljningService) private readonly uppfoljning: UppfoljningService,
  ) {}

  /** Keeps the highest version of a mål, and the earliest KF decision seen of it. */
  async registreraMal(em: EntityManager, mal: MalversionDto): Promise<void> {
    const current = await em.findOne(RapportMal, { id: mal.id });
    if (current && current.version >= mal.version) {
      if (mal.beslut.datum < current.beslutadFran) current.beslutadFran = mal.beslut.datum;
      return;
    }
    const values = {
      namnd: mal.namnd,
      agartyp: mal.agartyp,
      ar: mal.ar,
      text: mal.text,
      nyckeltal: mal.nyckeltal,
      professionellBedomning: mal.professionellBedomning,
      status: mal.status,
      version: mal.version,
      avslutadDatum: mal.avslutat?.beslut.datum ?? null,
      andradAt: new Date(mal.andradAt),
    };
    if (current) em.assign(current, { ...values, beslutadFran: minsta(current.beslutadFran, mal.beslut.datum) });
    else em.create(RapportMal, { id: mal.id, ...values, beslutadFran: mal.beslut.datum });
  }

  /** Keeps the highest version of a mål's assessment at a follow-up: proposal and decision together. */
  async registreraBedomning(em: EntityManager, bedomning: MalbedomningDto): Promise<void> {
    const key = { malId: bedomning.malId, ar: bedomning.ar, tillfalle: bedomning.tillfalle };
    const current = await em.findOne(RapportMalbedomning, key);
    if (current && current.version >= bedomning.version) return;
    const values = {
      namnd: bedomning.namnd,
      version: bedomning.version,
      forslag: bedomning.forslag,
      beslut: bedomning.beslut,
      uppdateradAt: new Date(),
    };
    if (current) em.assign(current, values);
    else em.create(RapportMalbedomning, { ...key, ...values });
  }

  /** Keeps the highest version of an inriktning. */
  async registreraInriktning(em: EntityManager, inriktning: InriktningDto): Promise<void> {
    const current = await em.findOne(RapportInriktning, { id: inriktning.id });
    if (current && current.version >= inriktning.version) return;
    const values = {
      niva: inriktning.niva,
      namnd: inriktning.namnd,
      rubrik: inriktning.rubrik,
      text: inriktning.text,
      franAr: inriktning.mandatperiod.franAr,
      tillAr: inriktning.mandatperiod.tillAr,
      version: inriktning.version,
      andradAt: new Date(inriktning.andradAt),
    };
    if (current) em.assign(current, values);
    else em.create(RapportInriktning, { id: inriktning.id, ...values });
  }

  /**
   * The grid: every nämnd of the follow-up's organisation the person sees part of, and every bolag (whose mål every
   * employee reads), each with its counts and its money; the city's counts only for those who see the whole city.
   */
  async oversikt(ar: number, tillfalle: Uppfoljningstillfalle, principal: Principal): Promise<MaluppfyllelseOversikt> {
    const underlag = await this.underlag(ar, tillfalle, principal);
    const namnder = underlag.synliga.map((agare) => underlag.rad(agare));
    return {
      ar,
      tillfalle,
      stad: underlag.omfang.alla ? summeraAntal(namnder.map((namnd) => namnd.antal)) : null,
      namnder,
      senastUppdaterad: underlag.senastUppdaterad,
    };
  }

  /** A nämnd's or bolag's inriktning and mål at the follow-up: 403 outside the person's part of the tree, as the roll-up. */
  async namnd(ar: number, tillfalle: Uppfoljningstillfalle, kod: string, principal: Principal): Promise<MaluppfyllelseNamndDetalj> {
    const underlag = await this.underlag(ar, tillfalle, principal);
    const agare = underlag.alla.find((kandidat) => kandidat.kod === kod);
    if (!agare) {
      throw new ProblemException(404, 'Hittades inte', `Det finns ingen nämnd eller bolag med koden ${kod}.`, [
        { field: 'kod', message: 'okänd nämnd eller bolag' },
      ]);
    }
    if (!underlag.synliga.includes(agare)) underlag.omfang.kravSerDelAv(kod);
    const inriktningar = await this.orm.em
      .fork()
      .find(RapportInriktning, { namnd: kod }, { orderBy: { franAr: 'desc', andradAt: 'desc' } });
    const inriktning = inriktningar.find((kandidat) => kandidat.franAr <= ar && ar <= kandidat.tillAr) ?? null;
    return {
      ...underlag.rad(agare),
      ar,
      tillfalle,
      inriktning: inriktning
        ? { rubrik: inriktning.rubrik, text: inriktning.text, mandatperiod: { franAr: inriktning.franAr, tillAr: inriktning.tillAr } }
        : null,
      mal: underlag.perNamnd.get(kod) ?? [],
    };
  }

  private async underlag(ar: number, tillfalle: Uppfoljningstillfalle, principal: Principal) {
    const em = this.orm.em.fork();
    const [noder, mal, bedomningar] = await Promise.all([
      this.organisation.tradVid(uppfoljningensSistaDag(ar, tillfalle)),
      em.fork().find(RapportMal, {}),
      em.fork().find(RapportMalbedomning, { ar, tillfalle }),
    ]);
    const omfang = Omfang.for(principal, noder);
    const perNamnd = malPerNamnd(
      mal.map(malUnderlag),
      bedomningar.map((b) => ({ malId: b.malId, forslag: b.forslag, beslut: b.beslut ?? null })),
      ar,
      tillfalle,
    );
    const alla: { kod: string; namn: string; agartyp: 'namnd' | 'bolag' }[] = [
      ...noder
        .filter((node) => node.niva === 'namnd')
        .sort((a, b) => a.namn.localeCompare(b.namn, 'sv'))
        .map((node) => ({ kod: node.kod, namn: node.namn, agartyp: 'namnd' as const })),
      ...KONCERNBOLAG.map((bolag) => ({ kod: bolag.kod, namn: bolag.namn, agartyp: 'bolag' as const })),
    ];
    const synliga = alla.filter((agare) => agare.agartyp === 'bolag' || omfang.serDelAv(agare.kod));
    const ekonomi = await this.ekonomi(ar, tillfalle);
    const senast = bedomningar.reduce<Date | null>((max, b) => (max && max >= b.uppdateradAt ? max : b.uppdateradAt), null);
    return {
      omfang,
      alla,
      synliga,
      perNamnd,
      senastUppdaterad: senast?.toISOString() ?? null,
      rad: (agare: (typeof alla)[number]): MaluppfyllelseNamnd => ({
        ...agare,
        antal: raknaAntal(perNamnd.get(agare.kod) ?? []),
        // The money of a nämnd only to those who see the whole nämnd in the roll-up.
        ekonomi: agare.agartyp === 'namnd' && omfang.ser(agare.kod) ? (ekonomi?.(agare.kod) ?? null) : null,
      }),
    };
  }

  /** Each nämnd's figures of the forecast round of the same name, when the follow-up is one and the round is known. */
  private async ekonomi(ar: number, tillfalle: Uppfoljningstillfalle): Promise<((kod: string) => MaluppfyllelseEkonomi | null) | null> {
    const omgang = prognostillfalleSchema.safeParse(tillfalle);
    if (!omgang.success) return null;
    const bild = await this.uppfoljning.bild(ar, omgang.data);
    if (!bild.omgang && !bild.finnsPrognos) return null;
    return (kod) => {
      const nod = bild.rollup.noder.get(kod);
      if (!nod) return null;
      const { budgetOre, prognosOre, avvikelseOre, avvikelseAntalAnsvar, antalAnsvar } = nod;
      return { budgetOre, prognosOre, avvikelseOre, avvikelseAntalAnsvar, antalAnsvar };
    };
  }
}

function malUnderlag(mal: RapportMal): MalUnderlag {
  return { ...mal, nyckeltal: mal.nyckeltal, avslutadDatum: mal.avslutadDatum ?? null };
}

const minsta = (a: string, b: string): string => (a <= b ? a : b);
