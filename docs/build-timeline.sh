#!/usr/bin/env bash
# Rebuilds events.yaml from nothing with timeline's own commands: the gazetteer, the sources, the curated
# context events, then the three seed articles ingested from their saved web pages and reviewed. A record
# of how the shipped timeline was made, and a way to make it again.
#   usage: docs/build-timeline.sh            (writes events.yaml, or $TIMELINE_FILE)
# The store is built in a temporary file beside it and put in place only when every step succeeded.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=tests/data/pages  # the seed articles as their sites wrap them
target=${TIMELINE_FILE:-events.yaml}
for page in sohr-2021-11-27 pressenza-2022-04-19 newarab-2024-12-09; do
  [ -f "$pages/$page.html" ] || { echo "error: $pages/$page.html is missing: the seed articles' saved pages come with the repository; $target is unchanged" >&2; exit 1; }
done
command -v timeline > /dev/null || { echo "error: no timeline command: install the package first (pip install .); $target is unchanged" >&2; exit 1; }
export TIMELINE_FILE
TIMELINE_FILE=$(mktemp "$(dirname "$target")/.build-timeline.XXXXXX")
trap 'rm -f "$TIMELINE_FILE" "$TIMELINE_FILE.lock"' EXIT
rm -f "$TIMELINE_FILE"

# --- Gazetteer: every place of the timeline with the spellings the reports use.
place() { timeline add-place "$@" > /dev/null; }
place "Deir ez-Zor" --alias "Deir Ezzor" --alias "Deir az-Zour" --alias "Deir al-Zor" --alias "Dayr az-Zawr" --alias "Deir Ezzor city"
place "al-Mayadeen" --alias "Mayadin" --alias "al- Mayadeen" --alias "Mayadeen" --alias "al-Mayadin"
place "al-Bukamal" --alias "al-BoKamal" --alias "Abu Kamal" --alias "Albukamal" --alias "Bukamal"
place "al-Joura" --alias "Joura" --alias "al-Jorah"
place "al-Shumaytiyah" --alias "Shumaytiyah" --alias "al-Shumaitiya"
place "Raqqa" --alias "Raqa" --alias "Raqqah" --alias "al-Raqqa" --alias "Ar-Raqqah"
place "al-Sabkha" --alias "Sabkha" --alias "al-Sabkhah"
place "Dibsi Afnan" --alias "Debsi Afnan"
place "Musheirfa" --alias "al-Musheirfa" --alias "Mushayrifa"
place "Salhia Harb" --alias "Salhiyat Harb"
place "Aleppo" --alias "Halab"
place "Maskanah" --alias "Maskana" --alias "Meskene"
place "Deir Hafer" --alias "Deir Hafir" --alias "Dayr Hafir"
place "Idlib"
place "Hama"
place "Homs"
place "Damascus"

# --- Sources: the three seed articles (metadata from sources.yaml) and the reports of the context events.
source() { timeline add-source "$@" > /dev/null; }
source sohr-2021-11-27 --outlet "Syrian Observatory for Human Rights (SOHR)" \
  --title "West Euphrates region | New reconciliation deals with ISIS former fighters" \
  --url "https://www.syriahr.com/en/" --published 2021-11-27 \
  --notes "Publication date inferred, uncertain by a day (2021-11-26 to 2021-11-28): the article cites SOHR reports of 14 and 22 November and a later Thursday. The url is the outlet's site."
source pressenza-2022-04-19 --outlet "Pressenza (English translation of a Spanish original)" \
  --title "Reconciliación, indultos y amnistías en varias provincias sirias" \
  --url "https://www.pressenza.com/?p=1567769" --published 2022-04-19 \
  --notes "Publication date inferred, uncertain by a day or two (2022-04-19 to 2022-04-21): filed under /es/2022/04/; 'reported today' is the day SANA reported the Musheirfa convoy clash (a relay is stamped 20 April 2022, 05:19)."
source newarab-2024-12-09 --outlet "The New Arab (English edition of Al-Araby Al-Jadeed)" \
  --title "HTS-led coalition announces general amnesty for Assad soldiers" \
  --url "https://www.newarab.com/" --published 2024-12-09 \
  --notes "Publication date inferred with high confidence from the Arabic parallel text (9 December 2024); the English version may have appeared on 10 December. The url is the outlet's site."
source alsharqia24-3725 --language ar --outlet "Alsharqia 24" --url "https://alsharqia24.com/?p=3725"
source thecradle-3711 --outlet "The Cradle" --url "https://thecradle.co/article-view/3711"
source southfront-deir-ezzor-5000 --outlet "South Front" --url "https://southfront.org/5000-people-joined-reconciliation-process-in-deir-ezzor-syrian-state-media/"
source southfront-maps-153667 --outlet "South Front" --url "https://maps.southfront.press/?p=153667"
source diario-octubre-2021-12-08 --language es --outlet "Diario Octubre" --published 2021-12-08 \
  --url "https://diario-octubre.com/2021/12/08/cientos-de-armados-se-entregan-en-el-segundo-dia-del-proceso-de-reconciliacion-en-albukamal-deir-ezzor/"
source jesrpress --language ar --outlet "Jesr Press" --url "https://jesrpress.com/" --notes "Only the outlet's site was recorded, not the article's address."
source sana-260728 --outlet "SANA" --url "http://sana.sy/en/?p=260728"
source fox-press-8018 --language ar --outlet "Fox Press" --url "https://fox-press.org/?p=8018"
source iswnews-14313 --language ar --outlet "ISW News (Arabic)" --url "https://arabic.iswnews.com/?p=14313"
source prensa-latina-2022-03-17 --language es --outlet "Prensa Latina" --published 2022-03-17 \
  --url "https://archivo.prensa-latina.cu/2022/03/17/45-mil-armados-se-unen-a-la-reconciliacion-en-tres-provincias-sirias"
source alwatan-297848 --language ar --outlet "Al-Watan" --url "https://alwatan.sy/archives/297848"
source bluewin-syria-chronicle --outlet "blue News" --title "Chronicle of the dramatic events in Syria" \
  --url "https://www.bluewin.ch/en/news/international/chronicle-of-the-dramatic-events-in-syria-2478913.html"
source shafaq-sdf-amnesty --outlet "Shafaq News" --title "SDF declares general amnesty in Deir ez-Zor" \
  --url "https://www.shafaq.com/en/World/SDF-declares-general-amnesty-in-Deir-ez-Zor"
source webjosh-homs --outlet "Webjosh" --title "Syria rebels celebrate in captured Homs, set sights on Damascus" \
  --url "https://webjosh.com/article/syria-rebels-celebrate-in-captured-homs-set-sights-on-damascus-1733618600-6197"
source cgtn-damascus --outlet "CGTN" --title "Rebels say Damascus free of Assad after reports he has fled" \
  --url "https://cgtn.com/special/Rebels-say-Damascus-free-of-Assad-after-reports-he-has-fled.html"
source trtworld-18241898 --outlet "TRT World" --url "https://www.trtworld.com/article/18241898"
source vestikavkaza-172250 --outlet "Vestnik Kavkaza" --url "https://en.vestikavkaza.ru/material/172250"

# --- Curated context events (origin curated), each citing where it was reported.
curated() { timeline add "$@" > /dev/null; }
curated "Deir ez-Zor settlement opens at the city's sports hall; intelligence chief Maj. Gen. Hossam Luqa attends" \
  --id deir-ez-zor-settlement-opens --date 2021-11-14 --source alsharqia24-3725 --place "Deir ez-Zor" \
  --actor "Syrian government" --actor "General Intelligence Directorate" --actor "Hossam Luqa" --tag reconciliation --tag deir-ez-zor
curated "More than 3,500 settle in the first four days; the committees are to move on to al-Mayadeen" \
  --id deir-ez-zor-3500-settled --date 2021-11-18 --source thecradle-3711 --place "Deir ez-Zor" \
  --actor "Syrian government" --tag reconciliation --tag deir-ez-zor
curated "State news agency SANA reports more than 5,000 people have joined the Deir ez-Zor settlement" \
  --id deir-ez-zor-5000-settled --date 2021-11-21 --source southfront-deir-ezzor-5000 --place "Deir ez-Zor" \
  --actor SANA --actor "Syrian government" --tag reconciliation --tag deir-ez-zor
curated "SANA reports more than 10,000 settled, with hundreds at the newly opened al-Mayadeen centre" \
  --id mayadeen-centre-10000-settled --date 2021-12-02 --source southfront-maps-153667 --place "al-Mayadeen" \
  --actor SANA --actor "Syrian government" --tag reconciliation --tag deir-ez-zor
curated "First round of settlements in Deir ez-Zor city and al-Mayadeen ends with more than 11,000 settled" \
  --id deir-ez-zor-first-round-ends --date 2021-12-06 --source diario-octubre-2021-12-08 --place "Deir ez-Zor" \
  --actor "Syrian government" --tag reconciliation --tag deir-ez-zor
curated "Settlement centre opens in al-Bukamal" \
  --id bukamal-settlement-centre-opens --date 2021-12-07 --source diario-octubre-2021-12-08 --place "al-Bukamal" \
  --actor "Syrian government" --tag reconciliation --tag deir-ez-zor
curated "Settlement centre opens in al-Shumaytiyah in the western Deir ez-Zor countryside" \
  --id shumaytiyah-settlement-centre-opens --date 2022-01-04 --source jesrpress --place "al-Shumaytiyah" \
  --actor "Syrian government" --tag reconciliation --tag deir-ez-zor
curated "Raqqa settlement begins at the al-Basel hall in al-Sabkha, eastern Raqqa countryside" \
  --id raqqa-settlement-begins-sabkha --date 2022-01-12 --source sana-260728 --place "al-Sabkha" \
  --actor "Syrian government" --tag reconciliation --tag raqqa
curated "First Aleppo settlement centre opens in Maskanah, eastern Aleppo countryside" \
  --id aleppo-settlement-centre-opens-maskanah --date 2022-01-31 --source fox-press-8018 --place "Maskanah" \
  --actor "Syrian government" --tag reconciliation --tag aleppo \
  --notes "Date inferred from a report of 'today, Monday'; Monday 31 January 2022."
curated "Settlement centre opens in Deir Hafer, Aleppo countryside" \
  --id deir-hafer-settlement-centre-opens --date 2022-02-20 --source iswnews-14313 --place "Deir Hafer" \
  --actor "Syrian government" --tag reconciliation --tag aleppo
curated "About 45,000 reported settled in Deir ez-Zor, Raqqa and Aleppo, some 36,000 in Deir ez-Zor" \
  --id settlements-45000-three-provinces --date 2022-03-17 --source prensa-latina-2022-03-17 --place "Deir ez-Zor, Raqqa and Aleppo" \
  --actor "Syrian government" --tag reconciliation --tag deir-ez-zor --tag raqqa --tag aleppo
curated "Second Raqqa settlement centre opens in Dibsi Afnan, western Raqqa countryside" \
  --id dibsi-afnan-settlement-centre-opens --date 2022-03-27 --source alwatan-297848 --place "Dibsi Afnan" \
  --actor "Syrian government" --tag reconciliation --tag raqqa
curated "HTS-led Military Operations Command launches the \"Deterrence of Aggression\" offensive from Idlib" \
  --id deterrence-of-aggression-offensive-launched --date 2024-11-27 --source bluewin-syria-chronicle --place "Idlib" \
  --actor HTS --actor "Military Operations Command" --tag offensive --tag hts
curated "Opposition forces enter Aleppo and take most of the city within a day" \
  --id opposition-takes-aleppo --date 2024-11-29/2024-11-30 --source bluewin-syria-chronicle --place "Aleppo" \
  --actor HTS --actor "Military Operations Command" --tag offensive --tag hts --tag aleppo \
  --notes "Reports span 29 and 30 November 2024."
curated "Opposition forces capture Hama" \
  --id opposition-captures-hama --date 2024-12-05 --source bluewin-syria-chronicle --place "Hama" \
  --actor HTS --actor "Military Operations Command" --tag offensive --tag hts
curated "SDF commander Mazloum Abdi declares a general amnesty in Deir ez-Zor" \
  --id sdf-amnesty-deir-ez-zor --date 2024-12-07 --source shafaq-sdf-amnesty --place "Deir ez-Zor" \
  --actor SDF --actor "Mazloum Abdi" --tag sdf --tag amnesty --tag deir-ez-zor
curated "Opposition forces declare full control of Homs" \
  --id opposition-controls-homs --date 2024-12-08 --source webjosh-homs --place "Homs" \
  --actor HTS --actor "Military Operations Command" --tag offensive --tag hts
curated "Opposition forces enter Damascus; Bashar al-Assad flees, ending 61 years of Baath Party rule" \
  --id assad-flees-damascus-falls --date 2024-12-08 --source cgtn-damascus --place "Damascus" \
  --actor HTS --actor "Military Operations Command" --actor "Bashar al-Assad" --tag collapse --tag hts
curated "Mohammed al-Bashir named caretaker prime minister of a transitional government" \
  --id al-bashir-caretaker-prime-minister --date 2024-12-10 --source trtworld-18241898 --place "Damascus" \
  --actor "Mohammed al-Bashir" --tag collapse --tag transition
curated "Opposition takes Deir ez-Zor city and airport after the SDF withdraws west of the Euphrates" \
  --id moc-takes-deir-ez-zor --date 2024-12-10/2024-12-11 --source vestikavkaza-172250 --place "Deir ez-Zor" \
  --actor "Military Operations Command" --actor SDF --tag hts --tag sdf --tag deir-ez-zor \
  --notes "Reports span 10 and 11 December 2024."

# --- The three seed articles, ingested from their saved pages as sources already described above (the
# page's own date would do, but the sources' notes say how each date was worked out), and reviewed.
timeline ingest "$pages/sohr-2021-11-27.html" --source-id sohr-2021-11-27 > /dev/null 2>&1
timeline ingest "$pages/pressenza-2022-04-19.html" --source-id pressenza-2022-04-19 > /dev/null 2>&1
timeline ingest "$pages/newarab-2024-12-09.html" --source-id newarab-2024-12-09 > /dev/null 2>&1

review() { timeline edit "$@" > /dev/null; }
# SOHR, 27 November 2021 (publication date inferred, 26-28 November).
timeline merge deir-ez-zor-settlement-opens 2021-11-14-regimes-complete-failure-strike > /dev/null
review deir-ez-zor-settlement-opens \
  --notes "SOHR reports the first day as an almost complete failure: only dozens came, in front of pro-regime media."
review 2021-11-22-syrian-observatory-human-rights \
  --title "Security chiefs strike new settlement deals in Deir ez-Zor city and the eastern countryside" \
  --actor "Syrian government" --actor "General Intelligence Directorate" --tag reconciliation --tag deir-ez-zor \
  --notes "The article writes 'a few days ag[o]': two to five days before publication, which is itself inferred (26-28 November), so the range is approximate." \
  --status accepted
review 2021-11-22-civilians-participated-reconciliation-deals \
  --title "Few civilians join the Deir ez-Zor settlement; most are former ISIS fighters and deserters, SOHR says" \
  --actor SOHR --tag reconciliation --tag deir-ez-zor --status accepted
review 2021-11-25-director-regime-general-intelligence \
  --title "General Intelligence director Hossam Luqa arrives in al-Mayadeen to strike new settlement deals" \
  --actor "Hossam Luqa" --actor "General Intelligence Directorate" --tag reconciliation --tag deir-ez-zor \
  --notes "'On Thursday' in an article published 26-28 November 2021 (Friday to Sunday) is Thursday 25 November in every case." \
  --status accepted
# Pressenza, 19 April 2022 (publication date inferred, 19-21 April).
review 2022-04-19-clash-residents-village-members \
  --title "Villagers and Syrian army soldiers clash with a US military convoy near Musheirfa" --date "2022-04-19?" \
  --actor "US forces" --actor SDF --actor "Syrian army" --tag us-forces --tag sdf \
  --notes "'Reported today' in an article whose publication date is inferred (19-21 April 2022); a Syrian outlet dates the clash to Tuesday 19 April 2022." \
  --status accepted
review 2021-10-aamel-office-deir-ezzor \
  --title "Settlement office in Deir ez-Zor opens, 'six months' before an April 2022 report" \
  --actor "Syrian government" --tag reconciliation --tag deir-ez-zor \
  --notes "Pressenza says in April 2022 that the office 'has been operating for six months now', which points to about October 2021; other reports date the opening of the Deir ez-Zor settlement to 14 November 2021, so the article's count is rounded." \
  --status accepted
# The New Arab, 9 December 2024.
timeline merge 2024-12-09-military-operations-administration-syrian 2024-12-09-body-declared-amnesty-lives > /dev/null
review 2024-12-09-military-operations-administration-syrian \
  --title "HTS-led Military Operations Command grants amnesty to all conscripts of the Assad army" \
  --actor HTS --actor "Military Operations Command" --tag amnesty --tag hts --tag collapse --status accepted
review 2024-12-02-thousands-soldiers-fled-battles \
  --title "Thousands of government soldiers flee the battles in Damascus, Homs, Aleppo and Hama" \
  --place "Damascus, Homs, Aleppo and Hama" --actor "Syrian army" --tag collapse --status accepted
review 2024-12-06-sdf-took-control-deir \
  --title "SDF takes control of Deir ez-Zor and part of its western countryside as regime forces withdraw" \
  --actor SDF --actor "Syrian army" --tag sdf --tag deir-ez-zor --status accepted
timeline merge 2024-12-09-civilians-killed-injured-protests 2024-12-09-deir-zour-witnessed-protests > /dev/null
review 2024-12-09-civilians-killed-injured-protests \
  --title "SDF members fire on protesters in Deir ez-Zor's al-Joura, killing two civilians and injuring six" \
  --actor SDF --tag sdf --tag deir-ez-zor --tag protests --status accepted
review 2024-12-09-syrians-celebrate-collapse-baath \
  --title "Syrians celebrate the end of 61 years of Baath Party rule in Damascus" \
  --tag collapse --status accepted

timeline check
mv "$TIMELINE_FILE" "$target"
echo "built $target"
