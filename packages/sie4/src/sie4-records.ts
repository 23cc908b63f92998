import { formatKronorSv, parseSieBelopp, parseSieDatum, parseSiePeriod } from './belopp.js';
import { addBelopp } from './belopp-summor.js';
import { beloppProblem, error, text, useAnsvar, useKonto, verName, warning, type ReadState, type Verifikation } from './sie4-state.js';
import type { SieField } from './tokenize.js';

// One handler per SIE record; each reads its fields, reports what is wrong with the line, and sums.

function checkBalance(s: ReadState, ver: Verifikation): void {
  if (!ver.broken && ver.sumOre !== 0) {
    error(s, ver.line, '#VER', `${verName(ver)} balanserar inte: summan av dess #TRANS är ${formatKronorSv(ver.sumOre)}, ska vara 0`);
  }
}

function onVer(s: ReadState, fields: SieField[], line: number): void {
  s.records.ver++;
  if (s.openVer) {
    error(s, line, '#VER', `ny #VER innan ${verName(s.openVer)} avslutats med } (raden med } saknas)`);
    s.openVer = null;
  }
  if (s.pendingVer) error(s, s.pendingVer.line, '#VER', `${verName(s.pendingVer)} följs inte av ett {…}-block`);
  const datumText = text(fields[2]);
  const datum = datumText === undefined ? undefined : parseSieDatum(datumText);
  const ver: Verifikation = {
    serie: text(fields[0]) ?? '',
    nr: text(fields[1]) ?? '',
    line,
    datum,
    braceLine: 0,
    sumOre: 0,
    broken: false,
  };
  if (datum === undefined) {
    error(s, line, '#VER', `${verName(ver)}: verifikationsdatum "${datumText ?? ''}" är inte ett datum ÅÅÅÅMMDD`);
  }
  if (s.firstLineNeedingRar === 0) s.firstLineNeedingRar = line;
  s.pendingVer = ver;
}

function onOpenBrace(s: ReadState, line: number): void {
  if (s.pendingVer) {
    s.openVer = s.pendingVer;
    s.openVer.braceLine = line;
    s.pendingVer = null;
  } else if (s.openVer) error(s, line, '{', `{ inne i ${verName(s.openVer)}, som inte avslutats med }`);
  else error(s, line, '{', '{ utan en #VER på raden före');
}

function onCloseBrace(s: ReadState, line: number): void {
  if (!s.openVer) {
    error(s, line, '}', '} utan ett öppnat {…}-block');
    return;
  }
  checkBalance(s, s.openVer);
  s.openVer = null;
}

/** `#TRANS kontonr {objektlista} belopp transdat transtext kvantitet sign` */
function onTrans(s: ReadState, fields: SieField[], line: number): void {
  if (s.pendingVer) {
    error(s, s.pendingVer.line, '#VER', `${verName(s.pendingVer)} saknar { före sina #TRANS`);
    s.openVer = s.pendingVer;
    s.pendingVer = null;
  }
  const ver = s.openVer;
  if (!ver) {
    error(s, line, '#TRANS', '#TRANS utanför ett {…}-block: raden hör inte till någon #VER');
    return;
  }
  s.records.trans++;
  const konto = text(fields[0]);
  const objekt = fields[1];
  const beloppText = text(fields[2]);
  if (!konto) {
    ver.broken = true;
    error(s, line, '#TRANS', '#TRANS saknar kontonummer');
    return;
  }
  if (typeof objekt !== 'object') {
    ver.broken = true;
    error(s, line, '#TRANS', `#TRANS på konto ${konto} saknar objektlista (skriv {} när den är tom)`);
    return;
  }
  const ore = beloppText === undefined ? undefined : parseSieBelopp(beloppText);
  if (ore === undefined) {
    ver.broken = true;
    error(s, line, '#TRANS', beloppProblem(beloppText, `beloppet på konto ${konto}`));
    return;
  }
  const sum = ver.sumOre + ore;
  if (Number.isSafeInteger(sum)) ver.sumOre = sum;
  else ver.broken = true;

  const datumText = text(fields[3]);
  let datum = ver.datum;
  if (datumText) {
    datum = parseSieDatum(datumText);
    if (datum === undefined) {
      error(s, line, '#TRANS', `transaktionsdatum "${datumText}" är inte ett datum ÅÅÅÅMMDD`);
      return;
    }
  }
  if (datum === undefined) return; // the #VER's own date was wrong, and already reported

  let ansvar: string | null = null;
  if (objekt.length % 2 !== 0) {
    error(s, line, '#TRANS', `objektlistan {${objekt.join(' ')}} ska bestå av par: dimension och objekt`);
    return;
  }
  for (let i = 0; i < objekt.length; i += 2) {
    const dim = objekt[i]!;
    if (dim === s.ansvarDim) {
      if (ansvar === null && objekt[i + 1] !== '') ansvar = objekt[i + 1]!;
    } else if (s.dims.has(dim)) {
      const key = `${dim}\t${objekt[i + 1]}`;
      if (!s.objektUse.has(key)) s.objektUse.set(key, line);
    }
  }

  const rar = s.rar0;
  if (rar && (datum < rar.start || datum > rar.slut)) {
    s.records.ovrigaAr++;
    if (s.transOutside.count++ === 0) s.transOutside.firstLine = line;
    return;
  }
  if (!addBelopp(s.trans, Math.floor(datum / 100), konto, ansvar, ore)) {
    error(s, line, '#TRANS', `summan för konto ${konto} blir för stor för exakt beräkning`);
    return;
  }
  useKonto(s, konto, line);
  if (ansvar !== null) useAnsvar(s, ansvar, line);
}

function yearIndex(s: ReadState, field: string | undefined, label: string, line: number): number | undefined {
  if (field !== undefined && /^-?\d{1,3}$/.test(field)) return Number(field);
  error(s, line, label, `årsnummer "${field ?? ''}" ska vara ett heltal (0 för innevarande år, -1 för föregående)`);
  return undefined;
}

/** `#PSALDO årsnr period kontonr {objekt} saldo kvantitet`, and the same for `#PBUDGET`. */
function onPeriodBalance(s: ReadState, fields: SieField[], line: number, label: '#PSALDO' | '#PBUDGET'): void {
  const ar = yearIndex(s, text(fields[0]), label, line);
  if (ar === undefined) return;
  if (ar !== 0) {
    s.records.ovrigaAr++;
    return;
  }
  if (s.firstLineNeedingRar === 0) s.firstLineNeedingRar = line;
  const periodText = text(fields[1]);
  const period = periodText === undefined ? undefined : parseSiePeriod(periodText);
  if (period === undefined) {
    error(s, line, label, `perioden "${periodText ?? ''}" är inte en period ÅÅÅÅMM`);
    return;
  }
  const konto = text(fields[2]);
  if (!konto) {
    error(s, line, label, `${label} saknar kontonummer`);
    return;
  }
  // Before SIE 4B the object list could be left out altogether; then the amount is the fourth field.
  const objekt = typeof fields[3] === 'object' ? fields[3] : [];
  const beloppText = typeof fields[3] === 'object' ? text(fields[4]) : text(fields[3]);
  const ore = beloppText === undefined ? undefined : parseSieBelopp(beloppText);
  if (ore === undefined) {
    error(s, line, label, beloppProblem(beloppText, `saldot på konto ${konto}`));
    return;
  }

  const rar = s.rar0;
  if (rar && (period < Math.floor(rar.start / 100) || period > Math.floor(rar.slut / 100))) {
    s.records.ovrigaAr++;
    if (s.balanceOutside.count++ === 0) s.balanceOutside.firstLine = line;
    return;
  }
  const balances = label === '#PSALDO' ? s.psaldo : s.pbudget;
  let ok: boolean;
  if (objekt.length === 0) {
    ok = addBelopp(balances.totals, period, konto, null, ore);
  } else if (objekt.length === 2 && objekt[0] === s.ansvarDim && objekt[1] !== '') {
    ok = addBelopp(balances.perAnsvar, period, konto, objekt[1]!, ore);
    useAnsvar(s, objekt[1]!, line);
  } else {
    // A balance per project or other dimension is another cut of the same total: counting it would double it.
    if (objekt.length > 2 && s.multiObjectBalanceLine === 0) s.multiObjectBalanceLine = line;
    s.records.ignored++;
    return;
  }
  if (!ok) {
    error(s, line, label, `summan för konto ${konto} blir för stor för exakt beräkning`);
    return;
  }
  useKonto(s, konto, line);
  if (label === '#PSALDO') {
    s.records.psaldo++;
    if (!s.psaldoLine.has(period)) s.psaldoLine.set(period, line);
  } else s.records.pbudget++;
}

/** `#RES årsnr konto saldo kvantitet` */
function onRes(s: ReadState, fields: SieField[], line: number): void {
  const ar = yearIndex(s, text(fields[0]), '#RES', line);
  if (ar === undefined) return;
  if (ar !== 0) {
    s.records.ovrigaAr++;
    return;
  }
  const konto = text(fields[1]);
  const beloppText = text(fields[2]);
  const ore = beloppText === undefined ? undefined : parseSieBelopp(beloppText);
  if (!konto) {
    error(s, line, '#RES', '#RES saknar kontonummer');
    return;
  }
  if (ore === undefined) {
    error(s, line, '#RES', beloppProblem(beloppText, `resultatet på konto ${konto}`));
    return;
  }
  s.records.res++;
  const previous = s.res.get(konto);
  s.res.set(konto, { ore: (previous?.ore ?? 0) + ore, line: previous?.line ?? line });
  useKonto(s, konto, line);
}

function onRar(s: ReadState, fields: SieField[], line: number): void {
  const ar = yearIndex(s, text(fields[0]), '#RAR', line);
  if (ar === undefined) return;
  const start = parseSieDatum(text(fields[1]) ?? '');
  const slut = parseSieDatum(text(fields[2]) ?? '');
  if (start === undefined || slut === undefined || slut < start) {
    error(s, line, '#RAR', `#RAR ${ar} ska ange räkenskapsårets start och slut som ÅÅÅÅMMDD ÅÅÅÅMMDD`);
    return;
  }
  if (ar === 0) s.rar0 = { start, slut };
}

function onFormat(s: ReadState, fields: SieField[], line: number): void {
  s.format = text(fields[0]) ?? '';
  if (s.decoder) s.decoder.declaredFormat = s.format;
  if (s.format.toUpperCase() !== 'PC8') {
    warning(s, line, '#FORMAT', `#FORMAT ${s.format} finns inte i SIE-standarden (bara PC8); filen läses med upptäckt teckenkodning`);
  }
  if (s.sampleConflict) reportConflict(s, s.sampleConflict, line, '#FORMAT');
}

/**
 * UTF-8 under `#FORMAT PC8` is certain (CP437 text never forms UTF-8 sequences) and is read as UTF-8 with a
 * warning; any line that then is not UTF-8 is an error. Latin-1 under PC8 is a judgement from letter
 * frequencies, so it is an error: the user re-exports or states the encoding.
 */
export function reportConflict(s: ReadState, conflict: 'UTF-8' | 'ISO-8859-1', line: number, record: string): void {
  s.sampleConflict = null;
  if (conflict === 'UTF-8') {
    warning(s, line, record, 'filen säger #FORMAT PC8 men innehåller UTF-8 (t.ex. å som C3 A5); den läses som UTF-8');
  } else {
    error(
      s,
      line,
      record,
      'filen säger #FORMAT PC8 men tecknen är ISO-8859-1/Latin-1 (t.ex. å som byte E5, i PC8 är å 86); ' +
        'exportera om filen i PC8 eller ange teckenkodningen vid inläsningen',
    );
  }
}

/** Labels that belong in the file's header or balances, never between a #VER's braces. */
const KNOWN_OUTSIDE_VER = new Set([
  '#FLAGGA',
  '#PROGRAM',
  '#FORMAT',
  '#GEN',
  '#SIETYP',
  '#FNAMN',
  '#ORGNR',
  '#RAR',
  '#KONTO',
  '#KTYP',
  '#DIM',
  '#UNDERDIM',
  '#OBJEKT',
  '#IB',
  '#UB',
  '#OIB',
  '#OUB',
  '#RES',
  '#PSALDO',
  '#PBUDGET',
  '#SRU',
  '#KPTYP',
  '#VALUTA',
]);

/** Dispatches a record by its label, first closing a #VER block that was left open. */
export function onRecord(s: ReadState, label: string, fields: SieField[], line: number): void {
  if (s.openVer && KNOWN_OUTSIDE_VER.has(label)) {
    error(s, line, label, `${label} inne i ${verName(s.openVer)}; blocket saknar sin avslutande }`);
    s.openVer = null;
  }
  if (s.pendingVer && label !== '{' && label !== '#TRANS' && label !== '#VER') {
    error(s, s.pendingVer.line, '#VER', `${verName(s.pendingVer)} följs inte av ett {…}-block`);
    s.pendingVer = null;
  }
  switch (label) {
    case '#TRANS':
      return onTrans(s, fields, line);
    case '{':
      return onOpenBrace(s, line);
    case '}':
      return onCloseBrace(s, line);
    case '#VER':
      return onVer(s, fields, line);
    case '#RTRANS':
    case '#BTRANS':
      // A supplementary row (#RTRANS) is always repeated as a #TRANS; a removed row (#BTRANS) is history.
      if (!s.openVer) error(s, line, label, `${label} utanför ett {…}-block: raden hör inte till någon #VER`);
      s.records.ignored++;
      return;
    case '#PSALDO':
    case '#PBUDGET':
      return onPeriodBalance(s, fields, line, label);
    case '#RES':
      return onRes(s, fields, line);
    case '#KONTO': {
      const konto = text(fields[0]);
      if (konto) s.kontoNamn.set(konto, text(fields[1]) ?? '');
      return;
    }
    case '#DIM':
    case '#UNDERDIM': {
      const dim = text(fields[0]);
      if (dim) s.dims.set(dim, text(fields[1]) ?? '');
      return;
    }
    case '#OBJEKT': {
      const dim = text(fields[0]);
      const obj = text(fields[1]);
      if (!dim || obj === undefined) {
        error(s, line, '#OBJEKT', '#OBJEKT ska ange dimension, objektkod och namn');
        return;
      }
      const namn = text(fields[2]) ?? '';
      s.objekt.set(`${dim}\t${obj}`, namn);
      if (dim === s.ansvarDim) s.ansvarNamn.set(obj, namn);
      return;
    }
    case '#RAR':
      return onRar(s, fields, line);
    case '#FLAGGA':
      s.flaggaLine = line;
      return;
    case '#SIETYP':
      s.sieTyp = text(fields[0]) ?? '';
      if (!/^[1-4]$/.test(s.sieTyp)) error(s, line, '#SIETYP', `#SIETYP "${s.sieTyp}" är okänd; SIE 4 skriver #SIETYP 4`);
      return;
    case '#FORMAT':
      return onFormat(s, fields, line);
    case '#PROGRAM':
      s.program = { namn: text(fields[0]) ?? '', version: text(fields[1]) ?? null };
      return;
    case '#FNAMN':
      s.fnamn = text(fields[0]) ?? null;
      return;
    case '#ORGNR':
      s.orgnr = text(fields[0]) ?? null;
      return;
    case '#VALUTA': {
      const valuta = text(fields[0]) ?? '';
      if (valuta.toUpperCase() !== 'SEK') warning(s, line, '#VALUTA', `beloppen är i ${valuta}, inte SEK; de läses som de står`);
      return;
    }
    default:
      // Unknown labels must be ignored (the standard's rule for extensions); #IB, #UB, #KSUMMA and the like are not needed.
      s.records.ignored++;
  }
}
