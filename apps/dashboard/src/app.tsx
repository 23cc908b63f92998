import { lazy, Suspense, useEffect, type ReactNode } from "react";

import { Anvandarmeny } from "./inloggning/anvandarmeny.js";
import {
  INLOGGNING,
  INLOGGNING_KLAR,
  inloggningsadress,
  sakerAtervandning,
} from "./inloggning/adresser.js";
import { InloggningKlarSida } from "./inloggning/inloggning-klar-sida.js";
import { InloggningSida } from "./inloggning/inloggning-sida.js";
import type { Anvandare } from "./inloggning/jwt.js";
import { useInloggning } from "./inloggning/use-inloggning.js";
import { sidorFor } from "./navigering/behorighet.js";
import { Huvudmeny } from "./navigering/huvudmeny.js";
import { InternLank } from "./navigering/intern-lank.js";
import { navigera } from "./navigering/plats.js";
import { SidanSaknas } from "./navigering/sidan-saknas.js";
import { sidaFor, type Sida, type Sidnyckel } from "./navigering/sidor.js";
import { useSokvag } from "./navigering/use-plats.js";
import { PrognosTotalerSida } from "./prognos-totaler/prognos-totaler-sida.js";
import { Felgrans } from "./sida/felgrans.js";
import { IngenBehorighet, Laddar } from "./sida/meddelanden.js";
import { Sidrubrik } from "./sida/sidrubrik.js";

const STAD = "Helsingborgs stad";

// The start page comes with the first load; the others are fetched when first visited.
const OrganisationSida = lazy(() =>
  import("./organisation/organisation-sida.js").then((modul) => ({
    default: modul.OrganisationSida,
  })),
);
const BudgetSida = lazy(() =>
  import("./budget/budget-sida.js").then((modul) => ({
    default: modul.BudgetSida,
  })),
);
const UtfallImportSida = lazy(() =>
  import("./utfall-import/utfall-import-sida.js").then((modul) => ({
    default: modul.UtfallImportSida,
  })),
);
const InvesteringarSida = lazy(() =>
  import("./investeringar/investeringar-sida.js").then((modul) => ({
    default: modul.InvesteringarSida,
  })),
);
const HelarsprognoserSida = lazy(() =>
  import("./helarsprognoser/helarsprognoser-sida.js").then((modul) => ({
    default: modul.HelarsprognoserSida,
  })),
);
const MalSida = lazy(() =>
  import("./mal/mal-sida.js").then((modul) => ({ default: modul.MalSida })),
);
const RapporterSida = lazy(() =>
  import("./rapporter/rapporter-sida.js").then((modul) => ({
    default: modul.RapporterSida,
  })),
);

function sidansInnehall(nyckel: Sidnyckel | undefined): ReactNode {
  switch (nyckel) {
    case "helarsprognos":
      return <PrognosTotalerSida />;
    case "helarsprognoser":
      return <HelarsprognoserSida />;
    case "mal":
      return <MalSida />;
    case "organisation":
      return <OrganisationSida />;
    case "budget":
      return <BudgetSida />;
    case "utfall-import":
      return <UtfallImportSida />;
    case "investeringar":
      return <InvesteringarSida />;
    case "rapporter":
      return <RapporterSida />;
    case undefined:
      return <SidanSaknas />;
  }
}

/** A page whose code could not be fetched: most often a new release replaced it while this tab was open. */
const SIDAN_KUNDE_INTE_LADDAS = (
  <div className="meddelande meddelande--fel" role="alert">
    <h1>Sidan kunde inte visas</h1>
    <p>Ladda om sidan för att hämta den senaste versionen av Tertial.</p>
  </div>
);

/** A page the user's role has no use for; the menu does not offer it, but an address or bookmark can lead here. */
function SidanArInteForDig({ startsida }: { startsida: Sida | undefined }) {
  return (
    <>
      <Sidrubrik titel="Ingen behörighet" />
      <IngenBehorighet />
      {startsida ? (
        <p>
          Gå till{" "}
          <InternLank href={startsida.sokvag}>
            {startsida.namn.toLowerCase()}
          </InternLank>
          .
        </p>
      ) : null}
    </>
  );
}

/** Replaces the address, after drawing, when it should say something else: the sign-in page, or the role's start. */
function useErsattAdress(till: string | undefined): void {
  useEffect(() => {
    if (till !== undefined) navigera(till, { ersatt: true });
  }, [till]);
}

function Ram({
  anvandare,
  sidor,
  aktiv,
  children,
}: {
  anvandare?: Anvandare;
  sidor?: readonly Sida[];
  aktiv?: Sidnyckel;
  children: ReactNode;
}) {
  return (
    <>
      <a className="hoppa-till-innehall" href="#huvudinnehall">
        Hoppa till huvudinnehållet
      </a>
      <header className="sidhuvud">
        <div className="sidhuvud__inre">
          <div className="sidhuvud__varumarke">
            <p className="sidhuvud__produkt">Tertial</p>
            <p className="sidhuvud__stad">{STAD}</p>
          </div>
          {anvandare ? <Anvandarmeny anvandare={anvandare} /> : null}
          {sidor && sidor.length > 0 ? (
            <Huvudmeny sidor={sidor} aktiv={aktiv} />
          ) : null}
        </div>
      </header>
      <main id="huvudinnehall" className="huvudinnehall" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function App() {
  const sokvag = useSokvag();
  const { klar, anvandare, orsak } = useInloggning();
  const inloggad = anvandare !== undefined;
  const sidor = anvandare ? sidorFor(anvandare.roller) : [];
  const sida = sidaFor(sokvag);
  const tillaten = sida !== undefined && sidor.includes(sida);

  let nyAdress: string | undefined;
  if (sokvag === INLOGGNING_KLAR || !klar) nyAdress = undefined;
  else if (!inloggad)
    nyAdress =
      sokvag === INLOGGNING
        ? undefined
        : inloggningsadress(
            `${window.location.pathname}${window.location.search}`,
          );
  else if (sokvag === INLOGGNING)
    nyAdress = sakerAtervandning(
      new URLSearchParams(window.location.search).get("till"),
    );
  // The start page of someone who may not see the city's totals is the first page they may see.
  else if (sokvag === "/" && !tillaten && sidor[0]) nyAdress = sidor[0].sokvag;
  useErsattAdress(nyAdress);

  if (sokvag === INLOGGNING_KLAR) {
    return (
      <Ram>
        <InloggningKlarSida />
      </Ram>
    );
  }
  if (!klar) {
    return (
      <Ram>
        <Laddar>Hämtar inloggningen…</Laddar>
      </Ram>
    );
  }
  if (!inloggad) {
    return (
      <Ram>
        <InloggningSida orsak={orsak} />
      </Ram>
    );
  }

  return (
    <Ram anvandare={anvandare} sidor={sidor} aktiv={sida?.nyckel}>
      {/* A new page starts without the error of the previous one. */}
      <Felgrans key={sokvag} reserv={SIDAN_KUNDE_INTE_LADDAS}>
        <Suspense fallback={<Laddar>Hämtar sidan…</Laddar>}>
          {sida && !tillaten ? (
            <SidanArInteForDig startsida={sidor[0]} />
          ) : (
            sidansInnehall(sida?.nyckel)
          )}
        </Suspense>
      </Felgrans>
    </Ram>
  );
}
