/**
 * The table of status changes or hand-overs on a detail page (moment, from, to, by whom, why), so every
 * page shows its history the same way. The page turns its own codes into words before passing the rows.
 */
import {
  Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';

export interface HistorieRij {
  /** Already formatted for display; also part of the row key. */
  moment: string;
  van: string;
  naar: string;
  door: string;
  reden: string;
}

export function Historietabel({ caption, leegTekst, rijen, redenKop = 'Reden' }: {
  /** Read by screen readers only; the section heading names the table for everyone else. */
  caption: string;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  leegTekst?: string;
  rijen: HistorieRij[];
  /** Header of the last column, when the page calls it something else than 'Reden'. */
  redenKop?: string;
}) {
  if (rijen.length === 0 && leegTekst !== undefined) return <Paragraph>{leegTekst}</Paragraph>;
  return (
    <div className="eenvoud-tabel">
      <Table>
        <TableCaption className="eenvoud-visueel-verborgen">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Moment</TableHeaderCell>
            <TableHeaderCell scope="col">Van</TableHeaderCell>
            <TableHeaderCell scope="col">Naar</TableHeaderCell>
            <TableHeaderCell scope="col">Door</TableHeaderCell>
            <TableHeaderCell scope="col">{redenKop}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rijen.map((h, i) => (
            <TableRow key={`${h.moment}-${i}`}>
              <TableCell className="eenvoud-nowrap">{h.moment}</TableCell>
              <TableCell>{h.van}</TableCell>
              <TableCell>{h.naar}</TableCell>
              <TableCell>{h.door}</TableCell>
              <TableCell>{h.reden}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
