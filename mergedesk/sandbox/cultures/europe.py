"""Cultures of the UK, Germany, France, Spain, Poland, Denmark, Sweden, Italy, the
Netherlands and Ireland: names, places, phone plans, mail domains and legal forms.
Data only; kept compact by hand (formatter off)."""

from __future__ import annotations

from mergedesk.sandbox.pools import Culture, PhonePlan, Place
from mergedesk.sandbox.pools import split_names as _names

# fmt: off
EUROPE: tuple[Culture, ...] = (
    Culture(
        "uk", 9, PhonePlan("44", "0", 10),
        _names("Oliver George Harry Jack Charlie Amelia Isla Ava Emily Sophie Grace Charlotte "
               "Thomas William Alexander Elizabeth Margaret Edward Samuel Zoë Siobhan Rhys Arthur "
               "Freddie Alfie Theo Archie Henry Oscar Leo Harrison Dylan Callum Lewis Fiona "
               "Eilidh Aileen Niamh Harriet Imogen Poppy Florence Evie Freya Rosie Phoebe Megan "
               "Bethan Gareth Dafydd Rhiannon Alistair Hamish Morag"),
        _names("Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Wright Evans Walker "
               "Roberts Hughes Thompson Edwards Green Hall Wood Harris Cooper Clarke Turner Hill "
               "Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips "
               "Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter "
               "Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall "
               "Anderson Simpson Ellis Adams Singh Begum Jones-Williams"),
        (
            Place("London", "United Kingdom", "GB", ("20",), "SW# #AA"),
            Place("Manchester", "United Kingdom", "GB", ("161",), "M# #AA"),
            Place("Edinburgh", "United Kingdom", "GB", ("131",), "EH# #AA"),
            Place("Bristol", "United Kingdom", "GB", ("117",), "BS# #AA"),
            Place("Birmingham", "United Kingdom", "GB", ("121",), "B# #AA"),
            Place("Leeds", "United Kingdom", "GB", ("113",), "LS# #AA"),
            Place("Glasgow", "United Kingdom", "GB", ("141",), "G# #AA"),
            Place("Cardiff", "United Kingdom", "GB", ("29",), "CF# #AA"),
        ),
        ("gmail.com", "hotmail.co.uk", "btinternet.com", "outlook.com", "yahoo.co.uk"),
        "co.uk", ("Ltd", "PLC", "LLP"),
    ),
    Culture(
        "de", 8, PhonePlan("49", "0", 11),
        _names("Jürgen Günter Lukas Leon Finn Jonas Maximilian Felix Sophie Marie Anna Lena "
               "Johannes Wolfgang Katharina Müge Jörg Sabine Uwe Björn Stefan Thomas Paul Ben "
               "Elias Noah Luis Henry Emil Anton Theo Mia Emma Hannah Lea Emilia Clara Lina Ida "
               "Greta Frieda Mathilda Dieter Klaus Horst Manfred Helmut Ursula Brigitte Renate "
               "Karin Monika Petra Jörn Søren Günther Bärbel"),
        _names("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann "
               "Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Groß "
               "Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid "
               "Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang "
               "Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger "
               "Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm "
               "Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Seidel "
               "Heinrich"),
        (
            Place("Berlin", "Germany", "DE", ("30",), "10###"),
            Place("München", "Germany", "DE", ("89",), "80###"),
            Place("Hamburg", "Germany", "DE", ("40",), "20###"),
            Place("Köln", "Germany", "DE", ("221",), "50###"),
            Place("Düsseldorf", "Germany", "DE", ("211",), "40###"),
            Place("Frankfurt am Main", "Germany", "DE", ("69",), "60###"),
            Place("Stuttgart", "Germany", "DE", ("711",), "70###"),
            Place("Leipzig", "Germany", "DE", ("341",), "04###"),
            Place("Nürnberg", "Germany", "DE", ("911",), "90###"),
        ),
        ("gmail.com", "web.de", "gmx.de", "t-online.de", "posteo.de"),
        "de", ("GmbH", "AG", "GmbH & Co. KG", "UG"),
    ),
    Culture(
        "fr", 6, PhonePlan("33", "0", 9),
        _names("Élodie François Chloé Hélène Zoë Léa Camille Jean Pierre Louis Hugo Lucas Mathéo "
               "Inès Noémie Amélie Benoît Jérôme Océane Gaëlle Gabriel Raphaël Arthur Jules Adam "
               "Maël Louise Jade Ambre Alice Rose Anna Lina Mila Élise Théo Nathanaël Baptiste "
               "Clément Aurélien Stéphane Frédéric Véronique Cécile Geneviève Thérèse Anaïs "
               "Maïwenn Loïc"),
        _names("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon "
               "Laurent Lefèvre Michel Garcia Fournier Girard Bonnet Dupont Lambert Rousseau "
               "Fontaine Chevalier Robin Masson Sanchez Gérard Nicolas Roux Morel André Mercier "
               "Blanc Guérin Boyer Garnier Chevallier François Legrand Gauthier Perrin Clément "
               "Morin Henry Roussel Mathieu Gautier Lemaire Dumont Lefebvre Faure Rolland Lacroix "
               "Brun Caron Barbier Arnaud Dufour Renaud Hébert Lemoine Aubert Bérenger Bœuf"),
        (
            Place("Paris", "France", "FR", ("1",), "750##"),
            Place("Lyon", "France", "FR", ("4",), "6900#"),
            Place("Marseille", "France", "FR", ("4",), "130##"),
            Place("Bordeaux", "France", "FR", ("5",), "330##"),
            Place("Toulouse", "France", "FR", ("5",), "310##"),
            Place("Nantes", "France", "FR", ("2",), "440##"),
            Place("Lille", "France", "FR", ("3",), "590##"),
            Place("Strasbourg", "France", "FR", ("3",), "670##"),
        ),
        ("gmail.com", "orange.fr", "free.fr", "laposte.net", "wanadoo.fr"),
        "fr", ("SARL", "SAS", "S.A."),
    ),
    Culture(
        "es", 6, PhonePlan("34", "", 9),
        _names("José María Francisco Antonio Javier Ángel Jesús Sofía Lucía Martín Álvaro Inés "
               "Raúl Íñigo Nuria Begoña Alejandro Carmen Pilar Andrés David Daniel Pablo Hugo "
               "Adrián Diego Mario Manuel Marcos Paula Daniela Valeria Martina Julia Elena Alba "
               "Noelia Rocío Marta Cristina Mónica Ramón Joaquín Sergio Tomás Óscar Rubén Víctor "
               "Ainhoa Itziar Montserrat"),
        _names("García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín "
               "Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Núñez Peña Ibáñez Navarro "
               "Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez "
               "Ortega Delgado Castro Ortiz Rubio Marín Sanz Iglesias Medina Garrido Cortés "
               "Castillo Santos Lozano Guerrero Cano Prieto Méndez Cruz Calvo Gallego Vidal León "
               "Márquez Herrera Flores Cabrera Campos Vega Fuentes Carrasco Díez Reyes Caballero "
               "Nieto Aguilar Pascual Herrero Montero Lorenzo Hidalgo Giménez Ferrer Durán "
               "Santiago Benítez Mora Vicente Vargas Arias Carmona Crespo Román Pastor Soto Sáez "
               "Velasco Moya Soler Parra Esteban Bravo Gallardo Rojas Pardo Merino Franco "
               "Espinosa Izquierdo Lara Rivas Silva Rivera Casado Arroyo Redondo Camacho Rey Vera "
               "Otero Luque Galán Montes Ríos Sierra Segura Carrillo Marcos Soriano Mendoza "
               "Robles Bernal Vila Quintana Ordóñez"),
        (
            Place("Madrid", "Spain", "ES", ("91",), "280##"),
            Place("Barcelona", "Spain", "ES", ("93",), "080##"),
            Place("Sevilla", "Spain", "ES", ("95",), "410##"),
            Place("Valencia", "Spain", "ES", ("96",), "460##"),
            Place("Bilbao", "Spain", "ES", ("94",), "480##"),
            Place("Málaga", "Spain", "ES", ("95",), "290##"),
            Place("Zaragoza", "Spain", "ES", ("976",), "500##"),
        ),
        ("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"),
        "es", ("S.L.", "S.A."),
    ),
    Culture(
        "pl", 4, PhonePlan("48", "", 9),
        _names("Łukasz Michał Paweł Krzysztof Tomasz Piotr Jakub Aleksander Małgorzata Katarzyna "
               "Agnieszka Zofia Wojciech Grzegorz Żaneta Bartłomiej Joanna Adam Marcin Marek "
               "Andrzej Kamil Mateusz Dawid Szymon Filip Anna Maria Magdalena Ewa Barbara Monika "
               "Natalia Aleksandra Julia Weronika Karolina Jadwiga Jolanta Bożena Grażyna "
               "Zbigniew Władysław Stanisław Jarosław Mirosław Łucja Małgosia"),
        _names("Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński "
               "Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Krawczyk Piątek "
               "Wojciechowski Kwiatkowski Kaczmarek Piotrowski Grabowski Zając Pawłowski "
               "Michalski Król Nowakowski Wieczorek Jabłoński Wróbel Majewski Olszewski Stępień "
               "Malinowski Jaworski Adamczyk Dudek Nowicki Pawlak Górski Witkowski Walczak Sikora "
               "Baran Rutkowski Michalak Szewczyk Ostrowski Tomaszewski Pietrzak Zalewski "
               "Wróblewski Jasiński Marciniak Bąk Zawadzki Sadowski Jakubowski Duda Włodarczyk "
               "Chmielewski Sobczak Borkowski Czarnecki Sawicki Kubiak Maciejewski Szczepański "
               "Kalinowski Wysocki Mazurek Kucharski Kołodziej Kaźmierczak Żak Żukowski Łukasik"),
        (
            Place("Warszawa", "Poland", "PL", ("22",), "0#-###"),
            Place("Kraków", "Poland", "PL", ("12",), "3#-###"),
            Place("Gdańsk", "Poland", "PL", ("58",), "80-###"),
            Place("Wrocław", "Poland", "PL", ("71",), "5#-###"),
            Place("Poznań", "Poland", "PL", ("61",), "6#-###"),
            Place("Łódź", "Poland", "PL", ("42",), "9#-###"),
        ),
        ("gmail.com", "wp.pl", "onet.pl", "interia.pl", "o2.pl"),
        "pl", ("Sp. z o.o.", "S.A."),
    ),
    Culture(
        "nordic", 5, PhonePlan("45", "", 8),
        _names("Søren Jørgen Bjørn Rasmus Mads Frederik Mette Sørine Ida Freja Åsa Gorm Kasper "
               "Nikolaj Astrid Signe Maja Emil Christian Anders Niels Jens Henrik Morten Lars "
               "Thomas Peter Hanne Kirsten Lone Susanne Birgitte Camilla Julie Laura Clara Anna "
               "Sofie Mikkel Magnus Oliver William Lærke Sigrid Tove"),
        _names("Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen "
               "Jørgensen Østergaard Møller Kjær Bæk Dahl Lund Holm Krogh Poulsen Johansen "
               "Knudsen Mortensen Thomsen Olsen Jakobsen Christiansen Petersen Kristensen Madsen "
               "Andreasen Frederiksen Laursen Svendsen Henriksen Nørgaard Vestergaard Mikkelsen "
               "Jeppesen Lauridsen Schmidt Iversen Østergård Bach Skov Friis Kjærgaard Mølgaard "
               "Søndergaard"),
        (
            Place("København", "Denmark", "DK", ("3",), "1###"),
            Place("Aarhus", "Denmark", "DK", ("8",), "8000"),
            Place("Odense", "Denmark", "DK", ("6",), "5000"),
            Place("Aalborg", "Denmark", "DK", ("9",), "9000"),
        ),
        ("gmail.com", "hotmail.dk", "outlook.dk", "mail.dk"),
        "dk", ("ApS", "A/S"),
    ),
    Culture(
        "se", 3, PhonePlan("46", "0", 9),
        _names("Björn Åsa Lars Anders Johan Erik Karl Nils Ingrid Maja Elsa Märta Göran Sofia "
               "Linnéa Måns Hampus Ebba Oskar Axel Filip Viktor Gustav Olof Per Sven Ulf Åke "
               "Kerstin Birgitta Margareta Anna Eva Karin Kristina Lena Wilma Alma Saga Agnes "
               "Stina Örjan"),
        _names("Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson "
               "Gustafsson Lindström Ångström Sjöberg Bergström Öberg Åberg Jönsson Petersson "
               "Jakobsson Magnusson Lindberg Lindqvist Lindgren Axelsson Berg Lundberg Lind "
               "Lundgren Lundqvist Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg "
               "Wallin Engström Eklund Danielsson Lundin Håkansson Björk Bergman Gunnarsson Holm "
               "Wikström Samuelsson Isaksson Fransson Bergqvist Nyström Holmberg Arvidsson "
               "Löfgren Söderberg Nyberg Blomqvist Claesson Nordström Mårtensson Lundström "
               "Viklund Björklund Eliasson Pålsson Berggren Sandström Lund Nordin Ström Åström "
               "Hermansson Ekström Holmgren Sundberg Hedlund Dahlberg Hellström Sjögren "
               "Abrahamsson Falk Blom Ek Strand"),
        (
            Place("Stockholm", "Sweden", "SE", ("8",), "1## ##"),
            Place("Göteborg", "Sweden", "SE", ("31",), "4## ##"),
            Place("Malmö", "Sweden", "SE", ("40",), "2## ##"),
            Place("Uppsala", "Sweden", "SE", ("18",), "75# ##"),
        ),
        ("gmail.com", "telia.com", "hotmail.se", "outlook.com"),
        "se", ("AB", "HB"),
    ),
    Culture(
        "it", 4, PhonePlan("39", "", 10),
        _names("Giuseppe Giovanni Antonio Mario Luca Marco Francesco Alessandro Giulia Francesca "
               "Chiara Sara Niccolò Nicolò Elisa Matteo Lorenzo Martina Andrea Gabriele Riccardo "
               "Tommaso Edoardo Federico Davide Simone Stefano Alessandra Valentina Silvia "
               "Roberta Paola Federica Beatrice Aurora Ginevra Alice Greta Ludovica Raffaele "
               "Salvatore Vincenzo Carmela Concetta"),
        _names("Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, "
               "Bruno, Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Fabbri, Barbieri, "
               "Fontana, Santoro, Mariani, Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, "
               "Longo, Gentile, Martinelli, Vitale, Lombardo, Serra, Coppola, De, Santis, "
               "D'Angelo, Marchetti, Parisi, Villa, Conte, Ferraro, Ferri, Bianco, Marini, "
               "Grasso, Valentini, Messina, Sala, Angelis, Gatti, Pellegrini, Palumbo, Sanna, "
               "Farina, Rizzi, Monti, Cattaneo, Morelli, Amato, Silvestri, Mazza, Testa, Grassi, "
               "Pellegrino, Carbone, Giuliani, Benedetti, Barone, Rossetti, Caputo, Montanari, "
               "Guerra, Palmieri, Bernardi, Martino, Fiore, Rosa, Ferretti, Bellini, Basile, "
               "Riva, Donati, Piras, Vitali, Battaglia, Sartori, Neri, Costantini, Milani, "
               "Pagano, Ruggiero, Sorrentino, D'Amico, Orlando, Damico, Negri"),
        (
            Place("Roma", "Italy", "IT", ("06",), "001##"),
            Place("Milano", "Italy", "IT", ("02",), "201##"),
            Place("Torino", "Italy", "IT", ("011",), "101##"),
            Place("Napoli", "Italy", "IT", ("081",), "801##"),
            Place("Firenze", "Italy", "IT", ("055",), "501##"),
            Place("Bologna", "Italy", "IT", ("051",), "401##"),
        ),
        ("gmail.com", "libero.it", "virgilio.it", "alice.it", "tiscali.it"),
        "it", ("S.r.l.", "S.p.A."),
    ),
    Culture(
        "nl", 3, PhonePlan("31", "0", 9),
        _names("Daan Sem Lucas Levi Bram Thijs Anouk Sanne Fleur Lotte Emma Sven Joëlle Maarten "
               "Ruud Femke Wouter Jan Piet Kees Joost Willem Hendrik Jeroen Bas Tim Niels Sophie "
               "Julia Tess Sara Eva Noor Mila Yara Zoë Anke Marieke Ingrid Geert Sjoerd Thijmen "
               "Daniëlle Chloë"),
        _names("de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, "
               "Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, "
               "Dekker, Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, "
               "Kok, Jacobs, de Haan, Vermeulen, van den Heuvel, van der Veen, van den Broek, de "
               "Bruijn, de Bruin, van der Heijden, Schouten, van Beek, Willems, van Vliet, van de "
               "Ven, Hoekstra, Maas, Verhoeven, Koster, van Dam, van der Wal, Prins, Blom, "
               "Huisman, Peeters, de Jonge, Kuipers, van Veen, Post, Kuiper, Veenstra"),
        (
            Place("Amsterdam", "Netherlands", "NL", ("20",), "10## AA"),
            Place("Rotterdam", "Netherlands", "NL", ("10",), "30## AA"),
            Place("Utrecht", "Netherlands", "NL", ("30",), "35## AA"),
            Place("Den Haag", "Netherlands", "NL", ("70",), "25## AA"),
            Place("Eindhoven", "Netherlands", "NL", ("40",), "56## AA"),
        ),
        ("gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl"),
        "nl", ("B.V.", "N.V."),
    ),
    Culture(
        "ie", 2, PhonePlan("353", "0", 9),
        _names("Seán Siobhán Aoife Niamh Pádraig Cian Oisín Róisín Eoin Ciara Darragh Aisling "
               "Conor Saoirse Liam Jack James Fionn Rían Tadhg Cathal Emily Grace Fiadh Sadhbh "
               "Caoimhe Aoibhinn Clodagh Gráinne Éabha Méabh Orla Deirdre Ruairí"),
        _names("Murphy, Kelly, O'Sullivan, Walsh, Smith, O'Brien, Byrne, Ryan, O'Connor, O'Neill, "
               "Ó Briain, Mac Carthaigh, Doyle, McCarthy, Gallagher, O'Reilly, Lynch, Murray, "
               "Quinn, Moore, McLoughlin, O'Carroll, Connolly, Daly, O'Connell, Wilson, Dunne, "
               "Brennan, Burke, Collins, Campbell, Clarke, Johnston, Hughes, O'Farrell, "
               "Fitzgerald, Brown, Martin, Maguire, Nolan, Flynn, Thompson, O'Callaghan, "
               "O'Donnell, Duffy, O'Mahony, Boyle, Healy, O'Shea, White, Sweeney, Hayes, "
               "Kavanagh, Power, McGrath, Moran, Brady, Stewart, Casey, Foley, Fitzpatrick, "
               "O'Leary, McDonnell, MacMahon, Donnelly, Regan, Donovan, Burns, Flanagan, Mullan, "
               "Barry, Kane, Robinson, Cunningham, Griffin, Kenny, Sheehan, Ward, Whelan, Lyons, "
               "Reid, Graham, Higgins, Cullen, Keane, King, Maher, McKenna, Bell, Scott, Hogan, "
               "O'Keeffe, Magee, McNamara, McDonald, MacDermott, Moloney, O'Rourke, Buckley, "
               "O'Dwyer"),
        (
            Place("Dublin", "Ireland", "IE", ("1",), "D0# A#A#"),
            Place("Cork", "Ireland", "IE", ("21",), "T12 A#A#"),
            Place("Galway", "Ireland", "IE", ("91",), "H91 A#A#"),
            Place("Limerick", "Ireland", "IE", ("61",), "V94 A#A#"),
        ),
        ("gmail.com", "eircom.net", "outlook.ie", "hotmail.com"),
        "ie", ("Ltd", "DAC", "Teoranta"),
    ),
)
# fmt: on
