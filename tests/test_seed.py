"""What the seed article must yield, asserted by querying the extracted graph (issue 2)."""
import datetime as dt

from rdflib import Graph

P = """PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def rows(graph: Graph, query: str) -> list:
    return list(graph.query(P + query))


def test_unnamed_unit_from_dagestan_based_in_buynaksk(seed_graph):
    found = rows(seed_graph, """SELECT ?unit WHERE {
        ?unit a kg:MilitaryUnit ; kg:homeRegion <https://w3id.org/newskg/id/region/RU-DA> ; kg:basedAt ?town .
        ?town a kg:Settlement ; owl:sameAs <https://sws.geonames.org/570479/> ;
              kg:locatedIn ?region . ?region kg:iso3166 "RU-DA" ; kg:locatedIn <https://w3id.org/newskg/id/country/RU> . }""")
    assert len({r.unit for r in found}) == 1


def test_places_and_areas(seed_graph):
    assert rows(seed_graph, 'ASK { <https://w3id.org/newskg/id/region/RU-BU> a kg:Region ; kg:iso3166 "RU-BU" }')[0]
    assert rows(seed_graph, 'ASK { <https://w3id.org/newskg/id/country/UA> a kg:Country }')[0]
    for area in ("donbas", "north-caucasus"):
        assert rows(seed_graph, f"ASK {{ <https://w3id.org/newskg/id/area/{area}> a kg:Area }}")[0]


def test_refusal_of_at_least_300(seed_graph):
    found = rows(seed_graph, """SELECT ?e ?earliest ?latest ?certainty WHERE {
        ?e a kg:DeploymentRefusal ; kg:participants [ kg:minValue 300 ] ;
           kg:involvesUnit [ kg:homeRegion <https://w3id.org/newskg/id/region/RU-DA> ] ; kg:destination <https://w3id.org/newskg/id/country/UA> ;
           kg:earliest ?earliest ; kg:latest ?latest ; kg:certainty ?certainty . }""")
    assert len(found) == 1
    _, earliest, latest, certainty = found[0]
    assert dt.date(2022, 2, 1) <= earliest.toPython() <= latest.toPython() <= dt.date(2022, 3, 31)
    assert str(certainty).endswith("#Reported")


def test_buryatia_refusal_of_150(seed_graph):
    found = rows(seed_graph, """SELECT ?e WHERE { ?e a kg:DeploymentRefusal ; kg:participants [ kg:value 150 ] ;
        kg:involvesUnit [ kg:homeRegion <https://w3id.org/newskg/id/region/RU-BU> ] ; kg:accordingTo [ rdfs:label "activists"@en ] }""")
    assert len(found) == 1


def test_every_event_kind_the_article_reports(seed_graph):
    kinds = {str(r.t).rsplit("#")[-1] for r in rows(seed_graph, "SELECT DISTINCT ?t { ?e kg:reportedIn ?a ; a ?t }")}
    assert {"DeploymentRefusal", "Return", "ContractTermination", "Injury", "Prosecution", "Reenlistment",
            "Casualties"} <= kinds


def test_return_to_base_in_march_2022(seed_graph):
    found = rows(seed_graph, """SELECT ?e ?earliest ?latest WHERE { ?e a kg:Return ; kg:place ?base ;
        kg:participants [ kg:value 300 ] ; kg:earliest ?earliest ; kg:latest ?latest .
        ?base kg:locatedIn* ?town . ?town owl:sameAs <https://sws.geonames.org/570479/> }""")
    assert found and {(r.earliest.toPython(), r.latest.toPython()) for r in found} == {
        (dt.date(2022, 3, 1), dt.date(2022, 3, 31))}


def test_death_tolls_in_excess_of_200_in_each_region(seed_graph):
    found = rows(seed_graph, """SELECT ?region WHERE { ?e a kg:Casualties ; kg:deaths [ kg:minValue 201 ] ;
        kg:place ?region }""")
    assert {str(r.region).rsplit("/")[-1] for r in found} == {"RU-DA", "RU-BU"}


def test_attribution_chain_and_evidence(seed_graph, seed_article):
    text = seed_article.text
    found = rows(seed_graph, """SELECT ?e ?source ?exact ?start ?end WHERE { ?e kg:reportedIn ?a ;
        kg:evidence [ kg:exact ?exact ; kg:start ?start ; kg:end ?end ] .
        OPTIONAL { ?e kg:accordingTo/rdfs:label ?source } }""")
    assert found
    for r in found:
        assert text[r.start.toPython():r.end.toPython()] == str(r.exact)
    sources = {str(r.source) for r in found if r.source}
    assert {"activists", "a lawyer", "MT Russian"} <= sources
    assert rows(seed_graph, 'ASK { ?s rdfs:label "activists"@en ; kg:citedBy [ rdfs:label "MT Russian"@en ] }')[0]
    prosecution = rows(seed_graph, "SELECT ?l { ?e a kg:Prosecution ; kg:accordingTo/rdfs:label ?l }")
    assert {str(r.l) for r in prosecution} == {"a lawyer"}


def test_nothing_from_the_donation_appeal(seed_graph, seed_article):
    appeal = seed_article.text.index("A Message from")
    offsets = rows(seed_graph, "SELECT ?end { ?x kg:end ?end }")
    assert offsets and all(r.end.toPython() <= appeal for r in offsets)
    assert not rows(seed_graph, 'ASK { ?s a kg:Source ; rdfs:label ?l FILTER(CONTAINS(LCASE(?l), "prosecutor general")) }')[0]
