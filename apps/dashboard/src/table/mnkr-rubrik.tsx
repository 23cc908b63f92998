/** A column heading of amounts in millions: its text and the unit beside it, the unit in a lighter style. */
export function MnkrRubrik({ text }: { text: string }) {
  return (
    <>
      {text} <span className="enhet">(mnkr)</span>
    </>
  );
}
