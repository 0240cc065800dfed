"""Report benchmark: the municipality mid-term report as PDF and XLSX, and a county-wide PDF.

    .venv/bin/python bench/reports.py [--runs 5] [--county-runs 3] [--db county.db]

The municipality report uses the municipality-scale demo database (made once in bench/.cache/demo.db).
The county run is what `nettverkslogg report --county` does on the county demo database
(bench/.cache/county.db, made once with `python -m desktop demo --scale county`, 40 municipalities):
collect every municipality's figures, write the county PDF and the county workbook. Prints the cold first
run and the median of the warm runs. Targets: municipality PDF ≤ 1 s and XLSX ≤ 1 s; county from
database to PDF and XLSX ≤ 10 s.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
sys.path.insert(0, str(ROOT))
from bench.common import ensure_demo_db as ensure_db  # noqa: E402
from bench.common import timed  # noqa: E402

PDF_TARGET_S, XLSX_TARGET_S, COUNTY_TARGET_S = 1.0, 1.0, 10.0
TEXTS = {"experiences": "Enhetene har fått et felles språk for aktivitetsplikten & arbeidet med <relasjoner>.",
         "development": "Flere enheter bruker refleksjonsgrupper jevnlig.", "continuation": "Vi fortsetter."}



def line(label: str, cold: float, median: float, target: float | None = None) -> None:
    verdict = "" if target is None else ("  OK" if median <= target else f"  OVER {target:.1f} s")
    print(f"{label:<42} kald {cold:6.3f} s   median {median:6.3f} s{verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--county-runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="the county database (default bench/.cache/county.db)")
    args = parser.parse_args()

    from exports.report_files import county_reports, render_county_report
    from exports.report_pdf import report_pdf_bytes
    from exports.report_xlsx import report_xlsx_bytes
    from storage.demo import DEMO_TODAY
    from storage.services.municipalities import current_municipality, list_municipalities
    from storage.services.report_data import collect_report
    from storage.store import Store
    from storage.urls import resolve_url

    store = Store(resolve_url(ensure_db("demo.db", "municipality")))
    municipality = current_municipality(store)
    cold, median, data = timed(lambda: collect_report(store, municipality.id, "midterm", None, DEMO_TODAY), args.runs)
    line("Tall til underveisrapport (kommune)", cold, median)
    cold, median, pdf = timed(lambda: report_pdf_bytes(data, TEXTS), args.runs)
    line(f"PDF, kommune ({len(pdf) // 1024} kB)", cold, median, PDF_TARGET_S)
    cold, median, xlsx = timed(lambda: report_xlsx_bytes(data, TEXTS), args.runs)
    line(f"XLSX, kommune ({len(xlsx) // 1024} kB)", cold, median, XLSX_TARGET_S)
    store.close()

    county = Store(resolve_url(args.db or ensure_db("county.db", "county")))
    municipalities = list_municipalities(county)
    cold, median, reports = timed(lambda: county_reports(county, "midterm", None, DEMO_TODAY),
                                  max(1, args.county_runs - 1))
    line(f"Tall for {len(municipalities)} kommuner (fylke)", cold, median)
    cold, median, pdf = timed(lambda: report_pdf_bytes(reports, {}), args.county_runs)
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    line(f"PDF, fylke ({pages} sider, {len(pdf) // 1024} kB)", cold, median)
    cold, median, files = timed(lambda: render_county_report(reports, ("xlsx",)), args.county_runs)
    line(f"XLSX, fylke ({len(files[0].content) // 1024} kB)", cold, median)
    cold, median, _files = timed(lambda: render_county_report(county_reports(county, "midterm", None, DEMO_TODAY)),
                                 args.county_runs)
    line("Fylke fra database til PDF og XLSX", cold, median, COUNTY_TARGET_S)
    county.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
