"""Cultures of the United States, Canada, Mexico and Brazil: names, places, phone plans,
mail domains and legal forms. Data only; kept compact by hand (formatter off)."""

from __future__ import annotations

from mergedesk.sandbox.pools import NANP, Culture, PhonePlan, Place
from mergedesk.sandbox.pools import split_names as _names

# fmt: off
AMERICAS: tuple[Culture, ...] = (
    Culture(
        "us", 30, NANP,
        _names("James Robert Michael William David Richard Joseph Thomas Christopher Daniel "
               "Matthew Anthony Andrew Joshua Elizabeth Jennifer Patricia Linda Susan Jessica "
               "Sarah Karen Margaret Katherine Emily Ashley Samantha Benjamin Nicholas Stephen "
               "Mary Barbara Nancy Lisa Betty Sandra Donna Carol Michelle Amanda Melissa Deborah "
               "Stephanie Rebecca Laura Sharon Cynthia Kathleen Amy Angela Brian Kevin George "
               "Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Eric Jonathan Larry Justin "
               "Scott Brandon Frank Gregory Raymond Alexander Patrick Jack Dennis Tyler Aaron "
               "Nathan Henry Zachary Kyle Walter Ethan Noah Olivia Emma Ava Mia Harper Evelyn "
               "Abigail Madison Chloe Grace Victoria Hannah Natalie Brooklyn Savannah Ethel "
               "Dolores Renée"),
        _names("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas "
               "Moore Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young "
               "Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell O'Brien "
               "Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Sanchez "
               "Morris Rogers Reed Cook Morgan Bell Murphy Bailey Rivera Cooper Richardson Cox "
               "Howard Ward Torres Peterson Gray Ramirez James Watson Brooks Kelly Sanders Price "
               "Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long Patterson "
               "Hughes Flores Washington Butler Simmons Foster Gonzales Bryant Alexander Russell "
               "Griffin Diaz Hayes Nguyen Kim Chen Patel Müller Nuñez"),
        (
            Place("San Francisco", "United States", "US", ("415", "628"), "941##"),
            Place("New York", "United States", "US", ("212", "646", "917"), "100##"),
            Place("Austin", "United States", "US", ("512", "737"), "787##"),
            Place("Chicago", "United States", "US", ("312", "773"), "606##"),
            Place("Seattle", "United States", "US", ("206",), "981##"),
            Place("Boston", "United States", "US", ("617", "857"), "021##"),
            Place("Denver", "United States", "US", ("303", "720"), "802##"),
            Place("Los Angeles", "United States", "US", ("213", "310", "323"), "900##"),
            Place("Miami", "United States", "US", ("305", "786"), "331##"),
            Place("Atlanta", "United States", "US", ("404", "678"), "303##"),
            Place("Portland", "United States", "US", ("503", "971"), "972##"),
            Place("Phoenix", "United States", "US", ("602", "480"), "850##"),
            Place("Minneapolis", "United States", "US", ("612",), "554##"),
            Place("Philadelphia", "United States", "US", ("215", "267"), "191##"),
            Place("San Diego", "United States", "US", ("619", "858"), "921##"),
        ),
        ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com"),
        "com", ("Inc.", "LLC", "Corp.", "Co."),
    ),
    Culture(
        "ca", 5, NANP,
        _names("Liam Noah Olivia Emma Chloé Félix Mathieu Zoë Ethan Sophie Gabriel Léa Mathis "
               "Jacob William Thomas Samuel Alexis Antoine Nathan Olivier Benjamin Charlotte "
               "Alice Rosalie Juliette Florence Béatrice Émilie Maëlle Gabrielle Camille Noémie "
               "Jérémie Sébastien Hélène"),
        _names("Tremblay Gagnon Roy Côté Bouchard Gauthier MacDonald Campbell Wong Li Bélanger "
               "Lavoie Fortin Gagné Ouellet Pelletier Lévesque Bergeron Leblanc Paquette Girard "
               "Simard Boucher Caron Beaulieu Cloutier Dubé Poirier Smith Brown Martin Anderson "
               "Chen Singh"),
        (
            Place("Toronto", "Canada", "CA", ("416", "647"), "M#A #A#"),
            Place("Montréal", "Canada", "CA", ("514", "438"), "H#A #A#"),
            Place("Vancouver", "Canada", "CA", ("604", "778"), "V#A #A#"),
            Place("Calgary", "Canada", "CA", ("403", "587"), "T#A #A#"),
            Place("Ottawa", "Canada", "CA", ("613",), "K#A #A#"),
        ),
        ("gmail.com", "outlook.com", "videotron.ca", "rogers.com"),
        "ca", ("Inc.", "Ltd.", "Corp."),
    ),
    Culture(
        "mx", 4, PhonePlan("52", "", 10),
        _names("José Juan Luis Carlos Jesús Miguel Guadalupe María Ximena Valentina Regina "
               "Santiago Mateo Sebastián Diego Fernanda Camila Andrea Alejandro Emiliano Leonardo "
               "Daniel Eduardo Fernando Ricardo Arturo Alberto Rosa Leticia Patricia Gabriela "
               "Mariana Daniela Sofía Renata Itzel Citlali Xóchitl Paulina Héctor Óscar Raúl "
               "Rubén Jimena"),
        _names("Hernández García Martínez López González Pérez Rodríguez Sánchez Ramírez Cruz "
               "Flores Gómez Morales Vázquez Reyes Jiménez Torres Díaz Gutiérrez Aguilar Ortiz "
               "Castillo Chávez Ruiz Mendoza Álvarez Castro Romero Medina Herrera Vargas Moreno "
               "Guzmán Salazar Rojas Juárez Domínguez Contreras Luna Ríos Estrada Ortega "
               "Cervantes Mejía Figueroa Ávila Sandoval Cortés Rosas Núñez Campos Navarro Fuentes "
               "Ibarra Lara Cabrera Solís Valdez Delgado Villanueva Zamora Tovar Bautista"),
        (
            Place("Ciudad de México", "Mexico", "MX", ("55",), "06###"),
            Place("Guadalajara", "Mexico", "MX", ("33",), "44###"),
            Place("Monterrey", "Mexico", "MX", ("81",), "64###"),
            Place("Puebla", "Mexico", "MX", ("222",), "72###"),
            Place("Mérida", "Mexico", "MX", ("999",), "97###"),
            Place("Querétaro", "Mexico", "MX", ("442",), "76###"),
        ),
        ("gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.com"),
        "com.mx", ("S.A. de C.V.", "S. de R.L."),
    ),
    Culture(
        "br", 5, PhonePlan("55", "", 11),
        _names("João José Antônio Francisco Carlos Paulo Lucas Gabriel Ana Maria Júlia Beatriz "
               "Letícia Luíza Mariana Gonçalo Thiago Vitória Pedro Rafael Bruno Felipe Gustavo "
               "Matheus Leonardo Rodrigo Marcelo Fernanda Camila Larissa Amanda Bruna Gabriela "
               "Carolina Patrícia Fabiana Luana Raíssa Conceição Irene Sebastião Caio Otávio "
               "Vinícius"),
        _names("Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Gonçalves "
               "Ribeiro Carvalho Araújo Melo Barbosa Conceição Mendonça Costa Martins Rocha Dias "
               "Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos "
               "Teixeira Correia Vieira Monteiro Barros Pinto Moura Cavalcanti Dantas Azevedo "
               "Campos Castro Batista Cunha Farias Lopes Borges Fonseca Siqueira Brandão "
               "Magalhães Guimarães Peixoto Assunção Simões"),
        (
            Place("São Paulo", "Brazil", "BR", ("11",), "01###-###"),
            Place("Rio de Janeiro", "Brazil", "BR", ("21",), "20###-###"),
            Place("Belo Horizonte", "Brazil", "BR", ("31",), "30###-###"),
            Place("Porto Alegre", "Brazil", "BR", ("51",), "90###-###"),
            Place("Curitiba", "Brazil", "BR", ("41",), "80###-###"),
            Place("Brasília", "Brazil", "BR", ("61",), "70###-###"),
        ),
        ("gmail.com", "uol.com.br", "bol.com.br", "hotmail.com"),
        "com.br", ("Ltda.", "S.A."),
    ),
)
# fmt: on
