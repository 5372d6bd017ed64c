"""The landmarks of ``places/features.tsv`` lie in the cities they belong to: their points,
from general knowledge, checked against GeoNames' points of those cities."""

import pytest

from svodka.eval.gold import km
from svodka.knowledge.gazetteer import load_gazetteer

#: landmark → (its city's geonameid, the farthest it may lie from the city's point, km)
CITIES = {
    "Белый дом": (4140963, 10),  # the first of the two: Washington
    "Эйфелева башня": (2988507, 10),
    "Пер-Лашез": (2988507, 10),
    "Даунинг-стрит": (2643743, 10),
    "Хитроу": (2643743, 30),
    "Бранденбургские ворота": (2950159, 10),
    "Колизей": (3169070, 10),
    "Тяньаньмэнь": (1816670, 10),
    "Храмовая гора": (281184, 10),
    "Майдан": (703448, 10),
    "Новый Арбат": (524901, 10),
    "Шереметьево": (524901, 40),
    "Невский проспект": (498817, 10),
    "Хмеймим": (173576, 30),  # Latakia
    "Нюрбургринг": (2886242, 70),  # Cologne
}


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(("name", "city"), CITIES.items())
def test_a_landmark_lies_in_its_city(gazetteer, name, city):
    geonameid, most_km = city
    landmark = next(p for p in gazetteer.find(name) if p.kind == "other")
    town = next(
        gazetteer.city(row)
        for row in range(len(gazetteer.cities))
        if gazetteer.cities[row].startswith(f"{geonameid}\t")
    )
    assert landmark.country == town.country
    assert km(landmark.lat, landmark.lon, town.lat, town.lon) < most_km
