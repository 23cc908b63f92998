import { Link } from '@tanstack/react-router';

import { Sidrubrik } from '../sida/sidrubrik.js';

export function SidanSaknas() {
  return (
    <>
      <Sidrubrik titel="Sidan finns inte" />
      <div className="meddelande meddelande--tomt" data-testid="sidan-saknas">
        <p>Det finns ingen sida med den adressen</p>
        <p className="meddelande__detalj">
          Kontrollera adressen, eller gå till <Link to="/">helårsprognosen</Link> eller någon av sidorna i menyn.
        </p>
      </div>
    </>
  );
}
