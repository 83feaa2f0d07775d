//! The message catalogue of the suite: every text a user sees, Dutch (nl-BE) first,
//! English second. Apps and the server look texts up here, never inline them.

use serde::{Deserialize, Serialize};

/// A user interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Lang {
    /// Dutch as written in Flanders: the default.
    #[default]
    #[serde(rename = "nl-BE")]
    Nl,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl-BE",
            Lang::En => "en",
        }
    }

    /// Reads a tag such as `nl`, `nl-BE` or `en-GB`; anything else falls back to `None`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The name of the language in itself, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
        }
    }
}

macro_rules! catalogue {
    ($(#[$section:meta] { $($key:ident => $nl:literal, $en:literal;)* })*) => {
        /// A key in the message catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($(#[$section] $key,)*)* }

        impl Msg {
            /// Every key, for completeness checks.
            pub const ALL: &'static [Msg] = &[$($(#[$section] Msg::$key,)*)*];
            /// The texts in key order: a table lookup is far less wasm than a `match`
            /// over every key and language.
            const NL: &'static [&'static str] = &[$($(#[$section] $nl,)*)*];
            const EN: &'static [&'static str] = &[$($(#[$section] $en,)*)*];

            /// The text of this message in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                let texts = match lang {
                    Lang::Nl => Self::NL,
                    Lang::En => Self::EN,
                };
                // Every key has its text at its own position (the enum lists the keys
                // in the same order as the tables, with the same sections left out).
                texts.get(self as usize).copied().unwrap_or_default()
            }
        }
    };
}

// Each app's own texts are a section behind its cargo feature, so that a bundle carries
// only the texts it can show (a few KB of brotli per app); the server, the importers and
// this crate's own tests enable every feature.
catalogue! {
    #[cfg(all())] {
    // Common interface words.
    Loading => "Even geduld, we laden alles…", "Loading…";
    Retry => "Opnieuw proberen", "Try again";
    Undo => "Ongedaan maken", "Undo";
    Like => "Leuk", "Like";
    Dislike => "Niet leuk", "Not for me";
    Nothing => "Hier is nog niets te zien.", "Nothing to show here yet.";
    Language => "Taal", "Language";
    HighContrast => "Groot en duidelijk", "Large, high contrast";
    BackToPortal => "Alle apps", "All apps";
    DisplayMenu => "Taal en weergave", "Language and display";
    Progress => "Voortgang", "Progress";
    SkipToContent => "Naar de inhoud", "Skip to content";
    DeckHelp => "Kies met de pijltjestoetsen: links is niet leuk, rechts is leuk.", "Choose with the arrow keys: left is not for me, right is like.";
    // API status.
    ApiOk => "De server antwoordt.", "The server is answering.";
    ApiChecking => "We kijken of de server antwoordt…", "Checking the server…";
    ApiDown => "De server antwoordt niet.", "The server is not answering.";
    // Staff login.
    StaffArea => "Voor medewerkers", "For staff";
    Email => "E-mailadres", "Email address";
    Password => "Wachtwoord", "Password";
    LogIn => "Aanmelden", "Log in";
    LogOut => "Afmelden", "Log out";
    StaffAccountLink => "Je account, je organisatie en haar abonnementen", "Your account, your organisation and its subscriptions";
    LoggedInAs => "Aangemeld als", "Logged in as";
    LoggedOut => "Je bent afgemeld.", "You are logged out.";
    BoSections => "Onderdelen van het beheer", "Parts of the back-office";
    RoleAdmin => "beheerder van de dienst", "service administrator";
    RoleLibraryStaff => "medewerker bibliotheek", "library staff";
    RoleCentreStaff => "medewerker cultuurcentrum", "cultural centre staff";
    RoleCompany => "theatergezelschap", "theatre company";
    // Errors the UI shows.
    ErrBadCredentials => "E-mailadres of wachtwoord klopt niet.", "Email address or password is wrong.";
    ErrBadCard => "Je kaartnummer of pincode klopt niet.", "Your card number or PIN is wrong.";
    ErrTooManyAttempts => "Te veel pogingen. Wacht even en probeer opnieuw.", "Too many attempts. Wait a while and try again.";
    ErrNotLoggedIn => "Meld je eerst aan.", "Please log in first.";
    ErrForbidden => "Dit mag je niet bekijken of wijzigen.", "You may not see or change this.";
    ErrNotFound => "Dit bestaat niet (meer).", "This does not exist (any more).";
    ErrInvalidInput => "Er klopt iets niet in wat je invulde.", "Something in your input is not right.";
    ErrBodyTooLarge => "Dit is te groot om te versturen.", "This is too large to send.";
    ErrCsrf => "Je sessie is verlopen. Herlaad de pagina.", "Your session has expired. Reload the page.";
    ErrConflict => "Dit bestaat al.", "This already exists.";
    ErrInternal => "Er ging iets mis bij ons. Probeer het later opnieuw.", "Something went wrong on our side. Please try again later.";
    ErrBusy => "De server heeft het even druk. Probeer het over enkele seconden opnieuw.", "The server is busy. Try again in a few seconds.";
    ErrNetwork => "Geen verbinding met de server.", "No connection to the server.";
    ErrEmailInvalid => "Vul een geldig e-mailadres in.", "Enter a valid email address.";
    ErrPasswordTooShort => "Een wachtwoord heeft minstens 8 tekens.", "A password has at least 8 characters.";
    ErrRequired => "Dit veld is verplicht.", "This field is required.";
    ErrPasswordTooEasy => "Dit wachtwoord is te makkelijk te raden (het lijkt op veelgebruikte wachtwoorden, woorden of je naam). Kies een langer, bijvoorbeeld enkele woorden die niet bij elkaar horen.", "This password is too easy to guess (it looks like common passwords, words or your name). Choose a longer one, for example a few unrelated words.";
    ErrInvitationInvalid => "Deze uitnodiging werkt niet (meer): ze is al gebruikt of verlopen. Vraag een nieuwe aan wie je uitnodigde.", "This invitation does not work (any more): it was used or has expired. Ask whoever invited you for a new one.";
    ErrWrongCurrentPassword => "Je huidige wachtwoord klopt niet.", "Your current password is wrong.";
    // The apps.
    AppVoorDeShowName => "Voor de Show", "Before the Show";
    AppVoorDeShowDesc => "Een theaterspel voor de klas: wandel door het cultuurcentrum en maak je klaar voor de voorstelling.", "A theatre game for the classroom: walk through the cultural centre and get ready for the show.";
    AppBibsterName => "Bibster", "Bibster";
    AppBibsterDesc => "Speurtochten, quizzen en rondleidingen door de bibliotheek, voor klassen en teams.", "Quests, quizzes and tours through the library, for classes and teams.";
    AppBiebloName => "Bieblo", "Bieblo";
    AppBiebloDesc => "Swipe de prentjes en vind boeken naar je goesting, die nu in de bib staan.", "Swipe the pictures and find books you like that are on the shelf now.";
    AppCultureMatcherName => "Cultuurmatcher", "Culture Matcher";
    AppCultureMatcherDesc => "Swipe trailers en ontdek drie voorstellingen die bij jou passen.", "Swipe trailers and discover three shows that suit you.";
    AppEReaderName => "E-reader", "E-reader";
    AppEReaderDesc => "Leen e-boeken van je bibliotheek en lees ze in je browser.", "Borrow e-books from your library and read them in your browser.";
    GameStart => "Start het spel", "Start the game";
    }
    #[cfg(feature = "import-report")] {
    // The report and history of an import, in every back-office with imports
    // (`suite_ui::import_report`).
    ImportSkipped => "Overgeslagen", "Skipped";
    ImportWhere => "Waar", "Where";
    ImportReason => "Reden", "Reason";
    ImportWarnings => "Waarschuwingen", "Warnings";
    ImportRuns => "Vorige imports", "Earlier imports";
    ImportDate => "Datum", "Date";
    ImportImportedCount => "Ingelezen", "Imported";
    ImportNoRuns => "Er is nog niets geïmporteerd.", "Nothing has been imported yet.";
    }
    #[cfg(feature = "bieblo")] {
    // Bieblo kiosk.
    BiebloKioskTitle => "Vind een boek naar je goesting!", "Find a book you will love!";
    BiebloKioskIntro => "Kies wat je leuk vindt. Dan tonen we je boeken die nu in de bib staan.", "Choose what you like. Then we show you books that are in the library now.";
    BiebloStart => "Start", "Let's go";
    BiebloBack => "Terug", "Back";
    BiebloPickAge => "Hoe oud ben je?", "How old are you?";
    BiebloYears => "jaar", "years";
    BiebloSwipeTitle => "Vind je dit leuk?", "Do you like this?";
    BiebloSwipeHelp => "Veeg naar rechts of tik op Leuk. Veeg naar links of tik op Niet leuk.", "Swipe right or tap Like. Swipe left or tap Not for me.";
    BiebloShelfTitle => "Deze boeken staan nu in de bib voor jou klaar!", "These books are waiting for you in the library now!";
    BiebloAlsoNice => "Ook leuk voor jou:", "You may like these too:";
    BiebloFindItHere => "Hier vind je het boek:", "Find the book here:";
    BiebloBecauseYouLike => "Omdat je dit leuk vindt:", "Because you like:";
    BiebloNoBooks => "Er staan nu geen boeken voor jou klaar. Vraag het aan iemand van de bib!", "No books are waiting for you right now. Ask someone at the library!";
    BiebloMoreTips => "8 andere tips", "8 other tips";
    BiebloTakeList => "Neem je lijst mee", "Take your list with you";
    BiebloRestart => "Opnieuw", "Start over";
    BiebloScanHelp => "Scan de code met een gsm. Dan heb je je lijst altijd bij je.", "Scan the code with a phone. Then you always have your list with you.";
    BiebloQrLabel => "QR-code met de link naar je boekenlijst", "QR code with the link to your book list";
    BiebloPrint => "Afdrukken", "Print";
    BiebloAskAtDesk => "Vraag het aan de balie.", "Ask at the desk.";
    BiebloIdleQuestion => "Ben je er nog? Tik op het scherm.", "Are you still there? Tap the screen.";
    BiebloNotReady => "Deze kiosk is nog niet klaar.", "This kiosk is not ready yet.";
    BiebloKioskOff => "Deze kiosk staat niet aan.", "This kiosk is not switched on.";
    BiebloNotActiveHere => "Bieblo is hier (nog) niet actief.", "Bieblo is not active here (yet).";
    BiebloNotActiveHereHelp => "De bibliotheek kan Bieblo aanvragen in het beheer; daarna zet de dienst het aan.", "The library can ask for Bieblo in the administration; the service then switches it on.";
    BiebloNotReadyHelp => "Een medewerker van de bib kan de kiosk aanzetten via Voor medewerkers.", "A library staff member can switch the kiosk on under For staff.";
    BiebloKiosks => "Kiosken in de bib", "Kiosks in the library";
    BiebloStartKiosk => "Start de kiosk:", "Start the kiosk:";
    BiebloNoKiosks => "Er staat nog geen kiosk aan.", "No kiosk is switched on yet.";
    BiebloYourList => "Jouw boekenlijst", "Your book list";
    BiebloListEmpty => "Deze boeken zijn niet (meer) te vinden.", "These books cannot be found (any more).";
    // Bieblo back-office.
    BiebloStaffOnlyLibraries => "Bieblo is voor bibliotheken. Hier is niets te beheren voor jouw organisatie.", "Bieblo is for libraries. There is nothing to manage here for your organisation.";
    BiebloStaffLibrary => "Bibliotheek", "Library";
    BiebloStaffNoLibraries => "Er is nog geen bibliotheek.", "There is no library yet.";
    BiebloStaffKiosk => "Kiosken per vestiging", "Kiosks per branch";
    BiebloStaffBranchHelp => "Elke vestiging heeft een kiosk. Die toont de boeken die in de rekken van die vestiging staan.", "Every branch has a kiosk. It shows the books on the shelves of that branch.";
    BiebloStaffNoBranches => "Deze bibliotheek heeft nog geen vestigingen, dus ook nog geen kiosk.", "This library has no branches yet, so no kiosk either.";
    BiebloStaffBranchesWhere => "Voeg vestigingen toe in het beheer van de dienst.", "Add branches in the service's administration.";
    BiebloStaffBranchNoCopies => "In de laatste import staan geen boeken van een vestiging met precies deze naam: de kiosk toont dan geen boeken.", "The last import has no books of a branch with exactly this name: the kiosk then shows no books.";
    BiebloStaffIdle => "Seconden zonder aanraking voor de kiosk opnieuw begint", "Seconds without a touch before the kiosk starts over";
    BiebloStaffIdleRange => "Kies een getal van 15 tot 600.", "Choose a number from 15 to 600.";
    BiebloStaffActive => "Kiosk staat aan", "Kiosk is switched on";
    BiebloStaffKioskLang => "Taal waarin elk bezoek begint (een kind kan ze wisselen)", "Language every visit starts in (a child can switch it)";
    BiebloStaffSave => "Opslaan", "Save";
    BiebloStaffSaved => "De instellingen zijn opgeslagen.", "The settings are saved.";
    BiebloStaffOpenKiosk => "Open de kiosk", "Open the kiosk";
    BiebloStaffKioskSeenAt => "Gezien om", "Seen at";
    BiebloStaffKioskBookListOf => "boekenlijst van", "book list of";
    BiebloStaffKioskNeverSeen => "Deze kiosk heeft zich nog niet gemeld. Open hem op het toestel in de bib.", "This kiosk has not reported yet. Open it on the device in the library.";
    BiebloStaffKioskNotSeenSince => "Niet meer gezien sinds", "Not seen since";
    BiebloStaffKioskNoBookListSince => "Kan de boekenlijst niet laden sinds", "Cannot load the book list since";
    BiebloStaffKioskShowsListOf => "toont die van", "shows the one of";
    BiebloStaffKioskShowsNoList => "toont geen boeken", "shows no books";
    BiebloStaffImports => "Catalogus importeren", "Import the catalogue";
    BiebloStaffImportHelp => "Kies een of meer exportbestanden van de catalogus (XML of JSON). De boekenlijst van de kiosk wordt pas vervangen als er boeken ingelezen zijn.", "Choose one or more export files of the catalogue (XML or JSON). The kiosk's book list is only replaced when books were imported.";
    BiebloStaffFiles => "Bestanden", "Files";
    BiebloStaffRefresh => "Nu vernieuwen uit de catalogus", "Refresh from the catalogue now";
    BiebloStaffRefreshHelp => "Leest de boeken van de thema's nu uit de bibliotheekcatalogus, met wat er nu in de rekken staat.", "Reads the themes' books from the library catalogue now, with what is on the shelves now.";
    BiebloStaffRefreshOff => "Vernieuwen uit de catalogus kan hier niet: op deze server is geen sleutel voor de bibliotheekcatalogus ingesteld. Vraag het aan wie de dienst beheert, of importeer exportbestanden hierboven.", "Refreshing from the catalogue is not possible here: no key for the library catalogue is set up on this server. Ask whoever runs the service, or import export files above.";
    BiebloStaffImportSend => "Inlezen", "Import";
    BiebloStaffNoFiles => "Kies eerst een bestand.", "Choose a file first.";
    BiebloStaffUnreadable => "Een bestand kon niet gelezen worden.", "A file could not be read.";
    BiebloStaffImported => "Boeken ingelezen:", "Books imported:";
    BiebloStaffNothingImported => "Er is niets ingelezen; de vorige boekenlijst blijft gewoon werken.", "Nothing was imported; the previous book list keeps working.";
    BiebloStaffStats => "Statistieken", "Statistics";
    BiebloStaffTipsPerDay => "Boekentips per dag", "Book tips per day";
    BiebloStaffChartLabel => "Staafdiagram van de boekentips per dag. De cijfers staan ook in de tabel.", "Bar chart of the book tips per day. The numbers are in the table as well.";
    BiebloStaffDay => "Dag", "Day";
    BiebloStaffTips => "Boekentips", "Book tips";
    BiebloStaffVisits => "Bezoeken", "Visits";
    BiebloStaffPerTheme => "Per thema", "Per theme";
    BiebloStaffThemeChartLabel => "Staafdiagram per thema: leuk gevonden, niet leuk gevonden en boekentips. De cijfers staan ook in de tabel.", "Bar chart per theme: liked, not liked and book tips. The numbers are in the table as well.";
    BiebloStaffPeriod => "Periode", "Period";
    BiebloStaffFrom => "Van", "From";
    BiebloStaffTo => "Tot en met", "Up to and including";
    BiebloStaffShowPeriod => "Toon deze periode", "Show this period";
    BiebloStaffPerKiosk => "Per vestiging", "Per branch";
    BiebloStaffKioskBranch => "Vestiging", "Branch";
    BiebloStaffTheme => "Thema", "Theme";
    BiebloStaffLikes => "Leuk gevonden", "Liked";
    BiebloStaffDislikes => "Niet leuk gevonden", "Not liked";
    BiebloStaffCsv => "Download als CSV", "Download as CSV";
    BiebloStaffNoStats => "De kiosk is nog niet gebruikt.", "The kiosk has not been used yet.";
    BiebloThemes => "Thema's", "Themes";
    BiebloThemesHelp => "Pas per thema de naam, de prent en de trefwoorden uit de catalogus aan. Naam en prent zie je meteen op de kiosk; nieuwe trefwoorden gelden vanaf de volgende import.", "Change each theme's name, picture and catalogue terms. Name and picture show on the kiosk at once; new terms count from the next import.";
    BiebloThemeLabelNl => "Naam (Nederlands)", "Name (Dutch)";
    BiebloThemeLabelEn => "Naam (Engels)", "Name (English)";
    BiebloThemePicture => "Prent", "Picture";
    BiebloThemePictureUpload => "Eigen prent opladen (PNG, JPEG of WebP, max. 1 MB)", "Upload your own picture (PNG, JPEG or WebP, max. 1 MB)";
    BiebloThemePictureDefault => "Standaardprent terugzetten", "Back to the standard picture";
    BiebloThemePictureInvalid => "Kies een prent van de app of laad een PNG, JPEG of WebP op.", "Choose a picture of the app or upload a PNG, JPEG or WebP.";
    BiebloThemePictureTooBig => "Deze prent is groter dan 1 MB.", "This picture is larger than 1 MB.";
    BiebloThemeGenres => "Genres (één per regel)", "Genres (one per line)";
    BiebloThemeSubjects => "Onderwerpen (één per regel)", "Subjects (one per line)";
    BiebloThemeAwards => "Prijzen (één per regel)", "Awards (one per line)";
    BiebloThemeRequires => "Alleen samen met een van deze onderwerpen (één per regel, mag leeg)", "Only together with one of these subjects (one per line, may be empty)";
    BiebloThemeNoTerms => "Geef minstens één genre, onderwerp of prijs.", "Give at least one genre, subject or award.";
    BiebloThemeTooManyTerms => "Te veel of te lange trefwoorden (max. 80 per lijst, 80 tekens elk).", "Too many or too long terms (at most 80 per list, 80 characters each).";
    BiebloThemeLabelTooLong => "Maximaal 40 tekens: de naam moet op de kaart passen.", "At most 40 characters: the name must fit on the card.";
    BiebloThemesSaved => "De thema's zijn opgeslagen.", "The themes are saved.";
    BiebloThemesReset => "Alle thema's terug naar de standaard", "All themes back to the standard";
    BiebloThemesResetConfirm => "Alle thema's terugzetten naar de standaard? Je eigen namen, prenten en trefwoorden gaan verloren.", "Put all themes back to the standard? Your own names, pictures and terms will be lost.";
    BiebloThemesFix => "Niet alles is in orde: kijk de rood gemarkeerde velden na.", "Not everything is right: check the fields marked in red.";
    }
    #[cfg(feature = "culture-matcher")] {
    // Culture Matcher (young people 16-25: informal, short).
    CmNotActiveHere => "De Cultuurmatcher is hier (nog) niet actief.", "Culture Matcher is not active here (yet).";
    CmNotActiveHereHelp => "Het cultuurcentrum kan de Cultuurmatcher aanvragen in het beheer; daarna zet de dienst hem aan.", "The cultural centre can ask for Culture Matcher in the administration; the service then switches it on.";
    CmChooseCentre => "Kies je cultuurcentrum", "Choose your cultural centre";
    CmNoCentres => "Er is nog geen programma om te swipen.", "There is no programme to swipe yet.";
    CmNoProgramme => "Dit cultuurcentrum heeft (nog) geen programma online.", "This cultural centre has no programme online (yet).";
    CmMenu => "Menu van de Cultuurmatcher", "Culture Matcher menu";
    CmNavSwipe => "Swipen", "Swipe";
    CmNavProgramme => "Programma", "Programme";
    CmNavSaved => "Bewaard", "Saved";
    CmSwipeTitle => "Wat spreekt je aan?", "What appeals to you?";
    CmSwipeHelp => "Bekijk 5 trailers. Veeg naar rechts of tik op het hartje als je het ziet zitten, naar links of op het kruisje als het niets voor jou is.", "Watch 5 trailers. Swipe right or tap the heart if you like it, left or the cross if it is not for you.";
    CmDeckHelp => "Kies met de pijltjestoetsen: links is niets voor mij, rechts is tof.", "Choose with the arrow keys: left is not for me, right is like.";
    CmHeart => "Tof", "Like";
    CmCross => "Niets voor mij", "Not for me";
    CmNoCards => "Er staan nu geen voorstellingen klaar om te swipen.", "There are no shows to swipe right now.";
    CmSoundOn => "Geluid aan", "Sound on";
    CmSoundOff => "Geluid uit", "Sound off";
    CmPlay => "Afspelen", "Play";
    CmPause => "Pauzeren", "Pause";
    CmPlayTrailer => "Speel de trailer af", "Play the trailer";
    CmLoadsFrom => "Pas na je tik laden we de video van", "Only after your tap do we load the video from";
    CmWatchOn => "Bekijk de trailer op", "Watch the trailer on";
    CmTrailerOf => "Trailer van", "Trailer of";
    CmTipsTitle => "3 tips voor jou", "3 tips for you";
    CmAboutTitle => "Over jou", "About you";
    CmAboutIntro => "Vertel iets meer, dan passen je tips beter. Alles is vrijblijvend en blijft op dit toestel.", "Tell us a bit more and your tips fit better. Everything is optional and stays on this device.";
    CmAboutAge => "Je leeftijd", "Your age";
    CmAgeNotSaid => "Zeg ik liever niet", "I'd rather not say";
    CmAgeUnder16 => "12 tot 15 jaar", "12 to 15";
    CmAge16To18 => "16 tot 18 jaar", "16 to 18";
    CmAge19To21 => "19 tot 21 jaar", "19 to 21";
    CmAge22To25 => "22 tot 25 jaar", "22 to 25";
    CmAgeOver25 => "26 jaar of ouder", "26 or older";
    CmAboutTown => "Je woonplaats", "Where you live";
    CmAboutKm => "Hoe ver wil je gaan?", "How far will you go?";
    CmAboutKmNeedsTown => "Kies eerst je woonplaats.", "Choose where you live first.";
    CmAnyDistance => "Maakt niet uit", "Does not matter";
    CmAboutPrice => "Hoeveel wil je hoogstens betalen?", "The most you want to pay";
    CmAboutShowTips => "Toon mijn tips", "Show my tips";
    CmAboutSkip => "Overslaan", "Skip";
    CmAboutEdit => "Vertel iets over jou", "Tell us about you";
    CmTipsLoading => "We zoeken tips voor jou…", "Finding tips for you…";
    CmBecauseYouLiked => "Omdat je dit tof vond:", "Because you liked:";
    CmSoon => "Binnenkort", "Soon";
    CmNearby => "Dichtbij", "Nearby";
    CmDiscover => "Iets nieuws om te ontdekken", "Something new to discover";
    CmNoTips => "We vonden nu geen tips voor jou. Kijk eens in het hele programma!", "We found no tips for you right now. Have a look at the whole programme!";
    CmTickets => "Koop tickets", "Buy tickets";
    CmOpensNewTab => "(opent in een nieuw tabblad)", "(opens in a new tab)";
    CmSave => "Bewaar", "Save";
    CmShare => "Deel", "Share";
    CmComeAlong => "Ga je mee?", "Are you coming?";
    CmShareLink => "Link om te delen", "Link to share";
    CmCopyLink => "Kopieer de link", "Copy the link";
    CmLinkCopied => "De link is gekopieerd. Plak hem in een bericht aan je vrienden.", "The link is copied. Paste it in a message to your friends.";
    CmCopyFailed => "Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.", "Copying did not work. Select the link and copy it yourself.";
    CmClose => "Sluiten", "Close";
    CmMoreInfo => "Meer info", "More info";
    CmSwipeAgain => "Opnieuw swipen", "Swipe again";
    CmWholeProgramme => "Bekijk het hele programma", "See the whole programme";
    CmWhen => "Wanneer", "When";
    CmWhere => "Waar", "Where";
    CmPrice => "Prijs", "Price";
    CmGenre => "Soort voorstelling", "Genre";
    CmFree => "Gratis", "Free";
    CmPriceFrom => "vanaf", "from";
    CmPriceUnknown => "Prijs: zie de ticketpagina", "Price: see the ticket page";
    CmAlwaysOpen => "Altijd open", "Always open";
    CmUntil => "t/m", "until";
    CmFromDay => "vanaf", "from";
    CmMoreDates => "Alle data", "All dates";
    CmByTransport => "Met bus, tram of trein", "By bus, tram or train";
    CmByBike => "Met de fiets", "By bike";
    CmCancelled => "Afgelast", "Cancelled";
    CmPostponed => "Uitgesteld", "Postponed";
    CmSoldOut => "Uitverkocht", "Sold out";
    CmPast => "Deze voorstelling is voorbij.", "This show is over.";
    CmShowNotFound => "Deze voorstelling staat niet (meer) in het programma.", "This show is not in the programme (any more).";
    CmBookByPhone => "Reserveren via", "Book by";
    CmFilters => "Filters", "Filter";
    CmFiltersOn => "actief", "active";
    CmPlace => "Plaats", "Place";
    CmEverywhere => "Overal", "Everywhere";
    CmVenues => "Zalen", "Venues";
    CmTowns => "Gemeenten", "Towns";
    CmStartFrom => "Vertrek vanuit", "Starting from";
    CmNoStart => "Geen gemeente gekozen", "No town chosen";
    CmWithinKm => "Maximale afstand", "Maximum distance";
    CmAnyTime => "Altijd", "Any time";
    CmThisWeek => "Deze week", "This week";
    CmThisWeekend => "Dit weekend", "This weekend";
    CmChooseDates => "Kies data", "Choose dates";
    CmDateFrom => "Van", "From";
    CmDateTo => "Tot en met", "Up to and including";
    CmReach => "Bereikbaarheid", "Getting there";
    CmTransitOnly => "Alleen zalen met info over bus, tram of trein", "Only venues with bus, tram or train info";
    CmBikeOnly => "Alleen zalen met info voor de fiets", "Only venues with bike info";
    CmBudget => "Hoeveel wil je betalen?", "How much do you want to pay?";
    CmAnyPrice => "Om het even", "Any price";
    CmUpTo => "tot", "up to";
    CmFreeOnly => "Alleen gratis", "Free only";
    CmAllGenres => "Alle soorten", "All genres";
    CmReset => "Wis de filters", "Clear the filters";
    CmShowsFound => "voorstellingen", "shows";
    CmOneShowFound => "voorstelling", "show";
    CmNoResults => "Geen voorstellingen met deze filters. Probeer wat ruimer te zoeken.", "No shows with these filters. Try a wider search.";
    CmSavedTitle => "Jouw bewaarde voorstellingen", "Your saved shows";
    CmNothingSaved => "Je hebt nog niets bewaard. Tik op Bewaar bij een voorstelling.", "You have not saved anything yet. Tap Save on a show.";
    CmPrivacy => "Wat je bewaart, blijft op dit toestel. We weten niet wie je bent en sturen alleen anonieme tellingen.", "What you save stays on this device. We do not know who you are and only send anonymous counts.";
    CmRemove => "Verwijder", "Remove";
    CmNotInProgramme => "Niet meer in het programma", "No longer in the programme";
    CmChatTitle => "Hoe was het?", "How was it?";
    CmChatWaiting => "Hoe was het? Er wacht een korte vraag over", "How was it? A short question is waiting about";
    CmChatHello => "Hoi! Je had deze voorstelling bewaard. Ben je gegaan?", "Hi! You saved this show. Did you go?";
    CmChatHowWas => "Hoe vond je het?", "How did you like it?";
    CmRating1 => "Slecht", "Bad";
    CmRating2 => "Matig", "Meh";
    CmRating3 => "Oké", "Okay";
    CmRating4 => "Goed", "Good";
    CmRating5 => "Super", "Great";
    CmChatSimilar => "Wil je nog iets gelijkaardigs zien?", "Would you like to see something similar?";
    CmYes => "Ja", "Yes";
    CmNo => "Nee", "No";
    CmChatWords => "Wil je nog iets kwijt? Dat mag, maar het hoeft niet.", "Anything else to say? You may, but you do not have to.";
    CmChatWordsLabel => "Jouw woorden (niet verplicht)", "Your words (optional)";
    CmCharsLeft => "tekens over", "characters left";
    CmSend => "Verstuur", "Send";
    CmChatThanks => "Bedankt! Het cultuurcentrum leest mee, maar weet niet wie je bent.", "Thanks! The cultural centre reads along, but does not know who you are.";
    CmNotGone => "Ik ben niet gegaan", "I did not go";
    CmChatNotGone => "Oké, geen probleem. Tot de volgende!", "Okay, no problem. See you next time!";
    CmSendFailed => "Versturen lukte niet. Probeer het straks opnieuw.", "Sending did not work. Try again later.";
    CmYou => "Jij", "You";
    }
    #[cfg(feature = "culture-matcher-staff")] {
    // Culture Matcher back-office (centre staff).
    CmBoOnlyCentres => "De Cultuurmatcher wordt beheerd door cultuurcentra. Hier is niets te beheren voor jouw organisatie.", "Culture Matcher is managed by cultural centres. There is nothing to manage here for your organisation.";
    CmBoCentre => "Cultuurcentrum", "Cultural centre";
    CmBoNoCentres => "Er is nog geen cultuurcentrum.", "There is no cultural centre yet.";
    CmBoShows => "Voorstellingen", "Shows";
    CmBoShowsHelp => "Kies welke voorstellingen meedoen in de swipe. Geïmporteerde voorstellingen komen uit UiTdatabank; eigen voorstellingen maak en bewerk je hier. Elke wijziging staat meteen online.", "Choose which shows take part in the swipe. Imported shows come from UiTdatabank; you make and edit your own shows here. Every change is online at once.";
    CmBoNoShows => "Er zijn nog geen voorstellingen. Maak er een of importeer het programma.", "There are no shows yet. Make one or import the programme.";
    CmBoSearch => "Zoek op titel of zaal", "Search by title or venue";
    CmBoWhen => "Welke voorstellingen", "Which shows";
    CmBoWhenComing => "Komende", "Coming";
    CmBoWhenPast => "Voorbije", "Past";
    CmBoWhenAll => "Alle", "All";
    CmBoListed => "Voorstellingen in de lijst:", "Shows in the list:";
    CmBoNoMatch => "Geen voorstellingen gevonden. Probeer een ander woord of kies bij 'Welke voorstellingen' voor 'Alle'.", "No shows found. Try another word, or choose 'All' under 'Which shows'.";
    CmBoNewShow => "Nieuwe voorstelling", "New show";
    CmBoEditShow => "Voorstelling bewerken", "Edit show";
    CmBoEdit => "Bewerk", "Edit";
    CmBoDelete => "Verwijder", "Delete";
    CmBoDeleteConfirm => "Deze voorstelling verwijderen? Dat kan niet ongedaan worden.", "Delete this show? This cannot be undone.";
    CmBoWordsDelete => "Verwijder dit antwoord", "Delete this answer";
    CmBoWordsDeleted => "Het antwoord is verwijderd.", "The answer is deleted.";
    CmBoDeleted => "De voorstelling is verwijderd.", "The show is deleted.";
    CmBoSaved => "De voorstelling is opgeslagen en staat online.", "The show is saved and online.";
    CmBoCancel => "Annuleren", "Cancel";
    CmBoSave => "Opslaan", "Save";
    CmBoColTitle => "Titel", "Title";
    CmBoColDate => "Datum", "Date";
    CmBoColVenue => "Zaal", "Venue";
    CmBoColOrigin => "Herkomst", "Origin";
    CmBoColSwipe => "In de swipe", "In the swipe";
    CmBoColActions => "Acties", "Actions";
    CmBoOriginImport => "Geïmporteerd (UiTdatabank)", "Imported (UiTdatabank)";
    CmBoOriginStaff => "Eigen voorstelling", "Own show";
    CmBoEnded => "voorbij", "over";
    CmBoNoDate => "Geen datum", "No date";
    CmBoSwipeOn => "doet nu mee in de swipe.", "now takes part in the swipe.";
    CmBoSwipeOff => "doet niet meer mee in de swipe.", "no longer takes part in the swipe.";
    CmBoText => "Tekst", "Text";
    CmBoTextHelp => "Gewone tekst, zonder opmaak. Een lege regel begint een nieuwe alinea.", "Plain text, without formatting. A blank line starts a new paragraph.";
    CmBoChooseGenre => "Kies een soort", "Choose a genre";
    CmBoDates => "Data", "Dates";
    CmBoDatesHelp => "Belgische tijd. Het einde mag je leeg laten.", "Belgian time. You may leave the end empty.";
    CmBoDate => "Datum", "Date";
    CmBoStart => "Begin", "Start";
    CmBoEnd => "Einde (niet verplicht)", "End (optional)";
    CmBoAddDate => "Datum toevoegen", "Add a date";
    CmBoRemoveDate => "Verwijder datum", "Remove date";
    CmBoChooseVenue => "Kies een zaal", "Choose a venue";
    CmBoPrice => "Prijs in euro", "Price in euros";
    CmBoTicketUrl => "Link naar de tickets (niet verplicht)", "Link to the tickets (optional)";
    CmBoImage => "Afbeelding (PNG, JPEG of WebP, max. 2 MB)", "Picture (PNG, JPEG or WebP, max. 2 MB)";
    CmBoImageAlt => "Wat staat er op de afbeelding?", "What does the picture show?";
    CmBoImageOf => "Afbeelding van", "Picture of";
    CmBoRemoveImage => "Verwijder de afbeelding", "Remove the picture";
    CmBoTrailer => "Voorproefje (trailer)", "Trailer";
    CmBoTrailerNone => "Geen trailer", "No trailer";
    CmBoTrailerFile => "Videobestand opladen (MP4 of WebM, max. 50 MB)", "Upload a video file (MP4 or WebM, max. 50 MB)";
    CmBoTrailerLink => "Link naar YouTube of Vimeo", "Link to YouTube or Vimeo";
    CmBoTrailerUploaded => "Opgeladen video:", "Uploaded video:";
    CmBoUploading => "Bezig met opladen…", "Uploading…";
    CmBoInSwipe => "Doet mee in de swipe", "Takes part in the swipe";
    CmBoFix => "Niet alles is in orde: kijk de rood gemarkeerde velden na.", "Not everything is right: check the fields marked in red.";
    CmBoTitleTooLong => "Maximaal 120 tekens.", "At most 120 characters.";
    CmBoTextTooLong => "Maximaal 5000 tekens.", "At most 5000 characters.";
    CmBoGenreInvalid => "Kies een soort uit de lijst.", "Choose a genre from the list.";
    CmBoDatesCount => "Geef minstens 1 en hoogstens 50 data.", "Give at least 1 and at most 50 dates.";
    CmBoDateInvalid => "Vul een geldige dag en een uur in.", "Fill in a valid day and time.";
    CmBoEndBeforeStart => "Het einde moet na het begin liggen.", "The end must come after the start.";
    CmBoVenueInvalid => "Kies een zaal van jouw cultuurcentrum.", "Choose a venue of your cultural centre.";
    CmBoPriceInvalid => "Vul een bedrag in euro in, bv. 12,50 (hoogstens 1000).", "Fill in an amount in euros, e.g. 12.50 (at most 1000).";
    CmBoUrlInvalid => "Vul een webadres in dat begint met https:// of http://.", "Fill in a web address starting with https:// or http://.";
    CmBoImageInvalid => "Laad een PNG-, JPEG- of WebP-afbeelding op.", "Upload a PNG, JPEG or WebP picture.";
    CmBoImageTooBig => "Deze afbeelding is groter dan 2 MB.", "This picture is larger than 2 MB.";
    CmBoAltTooLong => "Maximaal 200 tekens.", "At most 200 characters.";
    CmBoTrailerInvalid => "Laad een MP4- of WebM-video op of geef een link naar YouTube of Vimeo.", "Upload an MP4 or WebM video or give a link to YouTube or Vimeo.";
    CmBoVideoTooBig => "Deze video is groter dan 50 MB.", "This video is larger than 50 MB.";
    CmBoNoteTooLong => "Maximaal 500 tekens.", "At most 500 characters.";
    CmBoVenuesHelp => "Vertel jongeren hoe ze er geraken. Dit staat bij elke voorstelling in die zaal.", "Tell young people how to get there. It shows with every show in that venue.";
    CmBoNoVenues => "Er zijn nog geen zalen. Ze komen mee met de import van het programma.", "There are no venues yet. They come with the import of the programme.";
    CmBoVenueSaved => "De info over de zaal is opgeslagen.", "The venue's info is saved.";
    CmBoInsight => "Inzicht", "Insight";
    CmBoInsightHelp => "Anonieme tellingen: we weten niet wie iets deed, alleen hoe vaak.", "Anonymous counts: we do not know who did something, only how often.";
    CmBoShow => "Voorstelling", "Show";
    CmBoShown => "Getoond in de swipe", "Shown in the swipe";
    CmBoHearts => "Hartjes", "Hearts";
    CmBoCrosses => "Kruisjes", "Crosses";
    CmBoSuggested => "Als tip getoond", "Suggested as a tip";
    CmBoSavedCount => "Bewaard", "Saved";
    CmBoShared => "Gedeeld", "Shared";
    CmBoTickets => "Ticketlink geopend", "Ticket link opened";
    CmBoWent => "Gegaan", "Went";
    CmBoPeriod => "Periode", "Period";
    CmBoAllTime => "Alles", "All time";
    CmBoThisMonth => "Deze maand", "This month";
    CmBoThisSeason => "Dit seizoen", "This season";
    CmBoFrom => "Van", "From";
    CmBoTo => "Tot en met", "Up to and including";
    CmBoShowPeriod => "Toon deze periode", "Show this period";
    CmBoPerDay => "Per dag", "Per day";
    CmBoNotGone => "Niet gegaan", "Did not go";
    CmBoFeedback => "Reacties", "Responses";
    CmBoRating => "Gemiddelde score (1 tot 5)", "Mean rating (1 to 5)";
    CmBoSimilarYes => "Wil meer zoals dit", "Wants more like this";
    CmBoSimilarNo => "Wil niets gelijkaardigs", "Wants nothing similar";
    CmBoWords => "Eigen woorden", "Own words";
    CmBoCounts => "Tellingen per voorstelling", "Counts per show";
    CmBoChartTitle => "Hartjes en kruisjes per voorstelling", "Hearts and crosses per show";
    CmBoChartLabel => "Staafdiagram van de hartjes en kruisjes per voorstelling. De cijfers staan ook in de tabel.", "Bar chart of the hearts and crosses per show. The numbers are in the table as well.";
    CmBoNoInsight => "Er is nog niets geteld.", "Nothing has been counted yet.";
    CmBoCsv => "Download als CSV", "Download as CSV";
    CmBoRefresh => "Vernieuwen", "Refresh";
    // Where the programme comes from (`culture::source`), imported now or on a schedule.
    CmBoSource => "Programma uit UiTdatabank", "Programme from UiTdatabank";
    CmBoSourceHelp => "Geef de zoek-URL van UiTdatabank (met https://) of de organisator-id van je cultuurcentrum. De server haalt je programma daar regelmatig op; met “Importeer nu” meteen.", "Give the UiTdatabank search URL (with https://) or your centre's organiser id. The server fetches your programme from there regularly; with “Import now” at once.";
    CmBoSourceKind => "Soort bron", "Kind of source";
    CmBoSourceSearchUrl => "Zoek-URL", "Search URL";
    CmBoSourceOrganiser => "Organisator-id", "Organiser id";
    CmBoSourceValue => "Zoek-URL of organisator-id", "Search URL or organiser id";
    CmBoSourceSave => "Bron bewaren", "Save source";
    CmBoSourceSaved => "De bron is bewaard.", "The source is saved.";
    CmBoSourceRemove => "Bron wissen", "Remove source";
    CmBoSourceRemoved => "De bron is gewist: het programma wordt niet meer vanzelf vernieuwd.", "The source is removed: the programme is no longer refreshed by itself.";
    CmBoSourceNone => "Er is nog geen bron: het programma wordt niet vanzelf vernieuwd.", "There is no source yet: the programme is not refreshed by itself.";
    CmBoSourceHttps => "De zoek-URL moet met https:// beginnen.", "The search URL must start with https://.";
    CmBoSourceBadUrl => "Dit is geen geldige zoek-URL: controleer het adres (zonder spaties).", "This is not a valid search URL: check the address (no spaces).";
    CmBoSourceTooLong => "Deze zoek-URL is te lang (hoogstens 2000 tekens).", "This search URL is too long (2000 characters at most).";
    CmBoSourceBadOrganiser => "Een organisator-id bestaat uit 32 tekens 0-9 en a-f in vijf groepjes, bijvoorbeeld 5cf42d51-3a4f-46f0-a8af-1cf672be8c84.", "An organiser id has 32 characters 0-9 and a-f in five groups, for example 5cf42d51-3a4f-46f0-a8af-1cf672be8c84.";
    CmBoImportNow => "Importeer nu", "Import now";
    CmBoImportNowHelp => "Haalt het programma nu op bij de bewaarde bron. Lukt dat niet, dan blijft het vorige programma gewoon online.", "Fetches the programme from the saved source now. If that fails, the previous programme simply stays online.";
    CmBoImportNoSource => "Bewaar eerst een bron.", "Save a source first.";
    CmBoImporting => "Het programma wordt opgehaald…", "Fetching the programme…";
    CmBoShowsImported => "Voorstellingen ingelezen:", "Shows imported:";
    CmBoNothingImported => "Er is niets ingelezen; het vorige programma blijft gewoon online.", "Nothing was imported; the previous programme stays online.";
    }
    #[cfg(feature = "bibster")] {
    // Bibster: what the server answers a team and the leader (the apps add their own).
    BibCodeUnknown => "Deze spelcode kennen we niet. Kijk nog eens naar het grote scherm.", "We do not know this game code. Look at the big screen again.";
    BibTeamCodeUnknown => "Deze teamcode hoort niet bij dit spel.", "This team code is not part of this game.";
    BibTeamNameLength => "Een teamnaam heeft 1 tot 30 tekens.", "A team name has 1 to 30 characters.";
    BibTeamNameCharacters => "Gebruik alleen letters, cijfers en spaties in je teamnaam.", "Use only letters, digits and spaces in your team name.";
    BibTeamNameNotAllowed => "Kies een andere teamnaam.", "Choose another team name.";
    BibTeamNameTaken => "Een ander team heeft die naam al. Kies een andere.", "Another team has that name. Choose another one.";
    BibSessionEnded => "Dit spel is afgelopen.", "This game has ended.";
    BibTeamRemoved => "Jullie team speelt niet meer mee. Vraag het aan de spelleider.", "Your team is no longer in the game. Ask the game leader.";
    BibUnknownTask => "Deze opdracht zit niet in het spel.", "This task is not in the game.";
    BibAnswerShape => "Dit antwoord past niet bij de opdracht.", "This answer does not fit the task.";
    }
    #[cfg(feature = "bibster")] {
    // Bibster: the team's device (apps/bibster).
    BibTeamTitle => "Speel mee met Bibster", "Play Bibster";
    BibTeamJoinLead => "Typ de spelcode van het grote scherm.", "Type the game code from the big screen.";
    BibTeamCodeLabel => "Spelcode", "Game code";
    BibTeamCodeHelp => "6 letters en cijfers, bijvoorbeeld AB3K79.", "6 letters and digits, for example AB3K79.";
    BibTeamCodeInvalid => "Een spelcode heeft 6 letters en cijfers. Kijk nog eens naar het grote scherm.", "A game code has 6 letters and digits. Look at the big screen again.";
    BibTeamFindGame => "Zoek het spel", "Find the game";
    BibTeamOtherCode => "Andere spelcode", "Another game code";
    BibTeamNameLabel => "Jullie teamnaam", "Your team name";
    BibTeamNameHelp => "Geen echte namen: verzin een leuke teamnaam.", "No real names: make up a fun team name.";
    BibTeamTeamCodeLabel => "Jullie teamcode", "Your team code";
    BibTeamTeamCodeHelp => "De spelleider gaf jullie een eigen teamcode.", "The game leader gave you a team code of your own.";
    BibTeamStart => "Start!", "Let's go!";
    BibTeamScore => "Punten", "Points";
    BibTeamTaskHeading => "Opdracht", "Task";
    BibTeamSend => "Klaar!", "Done!";
    BibTeamRead => "Gelezen", "Read";
    BibTeamNext => "Verder", "Next";
    BibTeamRight => "Juist!", "Right!";
    BibTeamWrong => "Helaas, dat is niet juist.", "Sorry, that is not right.";
    BibTeamToReview => "De spelleider kijkt jullie antwoord na.", "The game leader checks your answer.";
    BibTeamPending => "Bewaard, wordt verstuurd…", "Saved, being sent…";
    BibTeamPointsEarned => "Punten verdiend:", "Points earned:";
    BibTeamRefused => "Dit antwoord kwam niet aan:", "This answer did not arrive:";
    BibTeamNeedAnswer => "Vul eerst een antwoord in.", "Fill in an answer first.";
    BibTeamHint => "Tip bekijken", "Show a hint";
    BibTeamHintCost => "Een tip kost punten. Deze tip kost:", "A hint costs points. This hint costs:";
    BibTeamHintYes => "Ja, toon de tip", "Yes, show the hint";
    BibTeamHintNo => "Nee, toch niet", "No, thanks";
    BibTeamHintText => "Tip:", "Hint:";
    BibTeamTimeLeft => "Tijd over:", "Time left:";
    BibTeamTimeUp => "De tijd is om. Je mag nog antwoorden, maar zonder punten.", "Time is up. You may still answer, but without points.";
    BibTeamChooseOne => "Kies één antwoord.", "Choose one answer.";
    BibTeamChooseSeveral => "Kies alle juiste antwoorden.", "Choose all the right answers.";
    BibTeamYourAnswer => "Jullie antwoord", "Your answer";
    BibTeamYourNumber => "Jullie getal", "Your number";
    BibTeamFoundCode => "De code die jullie vonden", "The code you found";
    BibTeamOrderHelp => "Zet in de juiste volgorde met de knoppen Hoger en Lager.", "Put in the right order with the buttons Up and Down.";
    BibTeamMoveUp => "Hoger", "Up";
    BibTeamMoveDown => "Lager", "Down";
    BibTeamGoesWith => "hoort bij", "goes with";
    BibTeamPick => "Kies…", "Choose…";
    BibTeamPhotoLabel => "Neem een foto", "Take a photo";
    BibTeamPhotoSending => "De foto wordt verstuurd…", "Sending the photo…";
    BibTeamPlan => "Plattegrond", "Floor plan";
    BibTeamTasks => "Opdrachten", "Tasks";
    BibTeamOf => "van", "of";
    BibTeamDoorTo => "Ga naar plattegrond", "Go to floor plan";
    BibTeamOnPlan => "op plattegrond", "on floor plan";
    BibTeamSpotOpen => "Nog te doen", "To do";
    BibTeamSpotLocked => "Op slot. Doe eerst:", "Locked. First do:";
    BibTeamSpotDone => "Klaar", "Done";
    BibTeamBackToPlan => "Terug naar de opdrachten", "Back to the tasks";
    BibTeamAllDone => "Alle opdrachten zijn klaar! Wacht op de spelleider.", "All tasks are done! Wait for the game leader.";
    BibTeamStoryDone => "Jullie zijn aan het einde van het verhaal! Wacht op de spelleider.", "You reached the end of the story! Wait for the game leader.";
    BibTeamMessages => "Berichten van de spelleider", "Messages from the game leader";
    BibTeamOffline => "Geen verbinding. We blijven het proberen.", "No connection. We keep trying.";
    BibTeamEndHeading => "Het spel is afgelopen!", "The game is over!";
    BibTeamEndScore => "Jullie score:", "Your score:";
    BibTeamNewGame => "Nieuw spel", "New game";
    BibTeamScan => "Scan de QR-code", "Scan the QR code";
    BibTeamScanHelp => "Richt de camera op de QR-code. Het antwoord komt vanzelf in de opdracht.", "Point the camera at the QR code. The answer goes into the task by itself.";
    BibTeamScanCamera => "Beeld van de camera", "Camera picture";
    BibTeamScanNoCamera => "De camera start niet. Typ de code dan zelf in.", "The camera does not start. Type the code yourself instead.";
    BibTeamScanBack => "Terug naar de opdracht", "Back to the task";
    }
    #[cfg(feature = "bibster-staff")] {
    // Bibster's builder and the leader's view.
    BibGameProblems => "Het spel klopt nog niet. Kijk de gemarkeerde onderdelen na.", "The game is not right yet. Check the marked parts.";
    BibGameNotPublished => "Publiceer het spel eerst; dan kan je er een sessie van starten.", "Publish the game first; then you can start a session of it.";
    BibShareNeedsPublished => "Alleen een gepubliceerd spel kan je delen.", "Only a published game can be shared.";
    BibMessageLength => "Een bericht heeft 1 tot 500 tekens.", "A message has 1 to 500 characters.";
    BibPointsTooMany => "Meer punten dan de opdracht geeft kan niet.", "More points than the task gives is not possible.";
    BibNotActive => "Bibster is hier (nog) niet actief.", "Bibster is not active here (yet).";
    BibFileNotAGame => "Dit is geen Bibster-spel, of het bestand is beschadigd.", "This is not a Bibster game, or the file is damaged.";
    BibFileNewer => "Dit spel komt uit een nieuwere versie van Bibster. Vraag de beheerder om de server bij te werken.", "This game comes from a newer version of Bibster. Ask the administrator to update the server.";
    BibFileTooLarge => "Dit bestand is te groot voor een spel (hoogstens 2 MB).", "This file is too large for a game (2 MB at most).";
    }
    #[cfg(feature = "bibster-staff")] {
    // Bibster's builder (apps/bibster-beheer/src/builder).
    BibBuilderTitle => "Bibster-spellen van je bibliotheek", "Your library's Bibster games";
    BibBuildLibrary => "Bibliotheek", "Library";
    BibBuildNoLibraries => "Er is nog geen bibliotheek.", "There is no library yet.";
    BibBuildOnlyLibraries => "Bibster-spellen maken bibliotheken. Je account hoort niet bij een bibliotheek.", "Libraries make Bibster games. Your account does not belong to a library.";
    BibBuildAskActive => "Wil je Bibster gebruiken? Vraag het abonnement aan bij de beheerder van de dienst.", "Want to use Bibster? Ask the service administrator for the subscription.";
    BibBuildToService => "Naar het beheer van je organisatie", "To your organisation's back-office";
    BibBuildGames => "Spellen", "Games";
    BibBuildTemplates => "Sjablonen", "Templates";
    BibBuildImport => "Importeren", "Import";
    BibBuildQuest => "Speurtocht", "Quest";
    BibBuildStory => "Verhaal", "Story";
    BibBuildDraft => "Ontwerp", "Draft";
    BibBuildPublished => "Gepubliceerd", "Published";
    BibBuildArchived => "Gearchiveerd", "Archived";
    BibBuildYes => "ja", "yes";
    BibBuildNo => "nee", "no";
    BibBuildTitleLabel => "Titel", "Title";
    BibBuildVariant => "Soort spel", "Kind of game";
    BibBuildState => "Staat", "State";
    BibBuildTasks => "Opdrachten", "Tasks";
    BibBuildShared => "Gedeeld", "Shared";
    BibBuildCopiedFrom => "Gekopieerd van", "Copied from";
    BibBuildActions => "Acties", "Actions";
    BibBuildFromLibrary => "Van bibliotheek", "From library";
    BibBuildOpen => "Bewerken", "Edit";
    BibBuildDuplicate => "Dupliceren", "Duplicate";
    BibBuildPublish => "Publiceren", "Publish";
    BibBuildToDraft => "Terug naar ontwerp", "Back to draft";
    BibBuildArchive => "Archiveren", "Archive";
    BibBuildShare => "Delen als sjabloon", "Share as template";
    BibBuildUnshare => "Niet meer delen", "Stop sharing";
    BibBuildExport => "Exporteren", "Export";
    BibBuildStats => "Statistieken", "Statistics";
    BibBuildPrint => "Codes afdrukken", "Print codes";
    BibBuildStartSession => "Start een sessie", "Start a session";
    BibBuildWorking => "Even geduld…", "One moment…";
    BibBuildDuplicated => "Gedupliceerd:", "Duplicated:";
    BibBuildPublishedNow => "Gepubliceerd:", "Published:";
    BibBuildDraftNow => "Terug in ontwerp:", "Back in draft:";
    BibBuildArchivedNow => "Gearchiveerd:", "Archived:";
    BibBuildSharedNow => "Gedeeld in de sjablonen:", "Shared in the templates:";
    BibBuildUnsharedNow => "Niet meer gedeeld:", "No longer shared:";
    BibBuildNewQuest => "Nieuwe speurtocht", "New quest";
    BibBuildNewStory => "Nieuw verhaal", "New story";
    BibBuildShowArchived => "Toon ook gearchiveerde spellen", "Also show archived games";
    BibBuildNoGames => "Je bibliotheek heeft nog geen spellen. Maak er een of kopieer een sjabloon.", "Your library has no games yet. Make one or copy a template.";
    BibBuildUnsaved => "Niet-bewaarde wijzigingen aan:", "Unsaved changes to:";
    BibBuildUntitled => "(nog zonder titel)", "(no title yet)";
    BibBuildContinue => "Verder bewerken", "Continue editing";
    BibBuildDropChanges => "Je wijzigingen zijn nog niet bewaard. Wil je ze weggooien?", "Your changes are not saved yet. Do you want to discard them?";
    BibBuildTemplatesHelp => "Spellen die bibliotheken delen. Een kopie komt als ontwerp in je eigen bibliotheek, om aan te passen.", "Games libraries share. A copy comes into your own library as a draft to adapt.";
    BibBuildNoTemplates => "Er zijn nog geen gedeelde spellen.", "There are no shared games yet.";
    BibBuildCopy => "Kopiëren naar mijn bibliotheek", "Copy to my library";
    BibBuildCopied => "Gekopieerd als ontwerp:", "Copied as a draft:";
    BibBuildOpenCopy => "Openen in de editor", "Open in the editor";
    BibBuildGameFile => "Spelbestand (JSON)", "Game file (JSON)";
    BibBuildImportHelp => "Een bestand dat je met Exporteren kreeg, van deze of een andere bibliotheek.", "A file you got with Export, from this or another library.";
    BibBuildImportSend => "Spel importeren", "Import game";
    BibBuildChooseFile => "Kies eerst een bestand.", "Choose a file first.";
    BibBuildImported => "Geïmporteerd als ontwerp:", "Imported as a draft:";
    BibBuildPlace => "Plaats:", "Place:";
    BibBuildPlaceIt => "Op het plan zetten", "Put on the plan";
    BibBuildFile => "Bestand", "File";
    BibBuildNewGame => "Nieuw spel", "New game";
    BibBuildEditGame => "Spel bewerken", "Edit game";
    BibBuildBack => "Terug naar de lijst", "Back to the list";
    BibBuildPreview => "Probeer uit", "Try it out";
    BibBuildSave => "Bewaren", "Save";
    BibBuildSaving => "Bezig met bewaren…", "Saving…";
    BibBuildSaved => "Bewaard.", "Saved.";
    BibBuildNotSaved => "Nog niet bewaard", "Not saved yet";
    BibBuildSound => "Het spel klopt.", "The game is sound.";
    BibBuildToCheck => "Nog na te kijken", "Still to check";
    BibBuildNewKind => "Soort nieuwe opdracht", "Kind of new task";
    BibBuildAddTask => "Opdracht toevoegen", "Add task";
    BibBuildTask => "Opdracht", "Task";
    BibBuildTaskId => "Naam van de opdracht", "Task name";
    BibBuildKind => "Soort opdracht", "Kind of task";
    BibBuildKindChoice => "Meerkeuzevraag", "Multiple choice";
    BibBuildKindOpen => "Open vraag", "Open question";
    BibBuildKindNumber => "Getal", "Number";
    BibBuildKindOrder => "In de juiste volgorde", "In the right order";
    BibBuildKindPairs => "Paren zoeken", "Match pairs";
    BibBuildKindPhoto => "Foto", "Photo";
    BibBuildKindCode => "Zoek de code", "Find the code";
    BibBuildKindInfo => "Informatie", "Information";
    BibBuildPrompt => "Wat het team leest", "What the team reads";
    BibBuildPoints => "Punten", "Points";
    BibBuildPointsWord => "punten", "points";
    BibBuildTimeLimit => "Tijdslimiet in seconden (leeg: geen)", "Time limit in seconds (empty: none)";
    BibBuildHint => "Tip (leeg: geen)", "Hint (empty: none)";
    BibBuildHintCost => "Wat de tip kost (punten)", "What the hint costs (points)";
    BibBuildImage => "Afbeelding", "Picture";
    BibBuildUploadHint => "PNG, JPEG of WebP", "PNG, JPEG or WebP";
    BibBuildUploading => "De afbeelding wordt opgeladen…", "Uploading the picture…";
    BibBuildUploadFailed => "Opladen lukte niet.", "The upload failed.";
    BibBuildUp => "Omhoog", "Up";
    BibBuildDown => "Omlaag", "Down";
    BibBuildRemove => "Verwijderen", "Remove";
    BibBuildRemoveTask => "Opdracht verwijderen", "Remove task";
    BibBuildAdd => "Toevoegen", "Add";
    BibBuildOptions => "Keuzes", "Options";
    BibBuildOption => "Keuze", "Option";
    BibBuildOptionsHelp => "Vink aan welke keuzes juist zijn: één of meer.", "Tick which options are right: one or more.";
    BibBuildRight => "Juist", "Right";
    BibBuildRightOnes => "Juiste antwoorden", "Right answers";
    BibBuildAccepted => "Goedgekeurde antwoorden", "Accepted answers";
    BibBuildAcceptedHelp => "Hoofdletters, accenten, spaties en leestekens tellen niet mee.", "Capitals, accents, spaces and punctuation do not count.";
    BibBuildAnswer => "Antwoord", "Answer";
    BibBuildReview => "De spelleider beoordeelt het antwoord", "The game leader judges the answer";
    BibBuildValue => "Het juiste getal", "The right number";
    BibBuildTolerance => "Mag ernaast liggen (marge)", "May be off by (margin)";
    BibBuildItems => "Onderdelen", "Items";
    BibBuildItem => "Onderdeel", "Item";
    BibBuildItemsHelp => "Schrijf ze in de juiste volgorde; elk team krijgt ze door elkaar.", "Write them in the right order; every team gets them shuffled.";
    BibBuildPairs => "Paren", "Pairs";
    BibBuildPair => "Paar", "Pair";
    BibBuildLeftSide => "links", "left";
    BibBuildRightSide => "rechts", "right";
    BibBuildCode => "Code", "Code word";
    BibBuildCodeHelp => "Hang de code (met QR-code) op de plek; druk ze af bij Codes afdrukken.", "Put the code (with its QR code) at the spot; print it with Print codes.";
    BibBuildPhotoHelp => "Het team neemt een foto; de spelleider beoordeelt ze.", "The team takes a photo; the game leader judges it.";
    BibBuildInfoHelp => "Een pagina om te lezen, zonder antwoord.", "A page to read, without an answer.";
    BibBuildChapters => "Hoofdstukken", "Chapters";
    BibBuildChapter => "Hoofdstuk", "Chapter";
    BibBuildChaptersHelp => "Het verhaal volgt de hoofdstukken; na een hoofdstuk kan het verder gaan volgens een antwoord.", "The story follows the chapters; after a chapter it can go on by an answer.";
    BibBuildChapterText => "Tekst van het hoofdstuk", "Text of the chapter";
    BibBuildChapterTasks => "Opdrachten in dit hoofdstuk", "Tasks in this chapter";
    BibBuildAfter => "Daarna", "Afterwards";
    BibBuildNextChapter => "Het volgende hoofdstuk (of het einde)", "The next chapter (or the end)";
    BibBuildGoToChapter => "Naar hoofdstuk", "To chapter";
    BibBuildBranchOn => "Volgens het antwoord op", "By the answer to";
    BibBuildIfAnswer => "Bij het antwoord", "For the answer";
    BibBuildChooseChapter => "Kies een hoofdstuk", "Choose a chapter";
    BibBuildAddChapter => "Hoofdstuk toevoegen", "Add chapter";
    BibBuildRemoveChapter => "Hoofdstuk verwijderen", "Remove chapter";
    BibBuildPlacing => "Plannen en plaatsen", "Plans and spots";
    BibBuildPlacingHelp => "Laad een grondplan op, kies een opdracht en klik op het plan waar ze hoort. Of typ de plaats in procent.", "Upload a floor plan, choose a task and click the plan where it belongs. Or type its place in percent.";
    BibBuildBoard => "Grondplan", "Floor plan";
    BibBuildAddBoard => "Grondplan toevoegen", "Add floor plan";
    BibBuildClickToPlace => "klik om de gekozen opdracht hier te zetten", "click to put the chosen task here";
    BibBuildPlacingTask => "Opdracht om te plaatsen", "Task to place";
    BibBuildSpot => "Plaats", "Spot";
    BibBuildFromLeft => "Van links (%)", "From the left (%)";
    BibBuildFromTop => "Van boven (%)", "From the top (%)";
    BibBuildLocks => "Eerst klaar", "First done";
    BibBuildUnplace => "Van het plan halen", "Take off the plan";
    BibBuildUnplaced => "Niet op het plan (overal open)", "Not on the plan (open anywhere)";
    BibBuildPTitle => "Geef het spel een titel (hoogstens 200 tekens).", "Give the game a title (200 characters at most).";
    BibBuildPTaskCount => "Een spel heeft 1 tot 200 opdrachten.", "A game has 1 to 200 tasks.";
    BibBuildPTaskId => "Deze opdracht heeft geen geldige naam.", "This task has no valid name.";
    BibBuildPTaskIdTwice => "Twee opdrachten hebben dezelfde naam.", "Two tasks have the same name.";
    BibBuildPTextLong => "Een tekst is te lang (hoogstens 4000 tekens).", "A text is too long (4000 characters at most).";
    BibBuildPTimeLimit => "Een tijdslimiet is minstens 1 seconde.", "A time limit is at least 1 second.";
    BibBuildPOptions => "Geef 2 tot 12 keuzes.", "Give 2 to 12 options.";
    BibBuildPCorrect => "Vink minstens één juiste keuze aan.", "Tick at least one right option.";
    BibBuildPAccepted => "Geef een goedgekeurd antwoord, of laat de spelleider beoordelen.", "Give an accepted answer, or let the game leader judge.";
    BibBuildPNumber => "Vul een getal in; de marge is 0 of meer.", "Enter a number; the margin is 0 or more.";
    BibBuildPItems => "Geef 2 tot 12 onderdelen.", "Give 2 to 12 items.";
    BibBuildPPairs => "Geef 2 tot 12 paren.", "Give 2 to 12 pairs.";
    BibBuildPCode => "Vul de code in die op de plek hangt (letters of cijfers).", "Enter the code placed at the spot (letters or digits).";
    BibBuildPNoChapters => "Een verhaal heeft minstens één hoofdstuk.", "A story has at least one chapter.";
    BibBuildPChapterTwice => "Twee hoofdstukken hebben dezelfde naam.", "Two chapters have the same name.";
    BibBuildPNoSuchTask => "Deze opdracht bestaat niet (meer).", "This task does not exist (any more).";
    BibBuildPTaskTwice => "Deze opdracht staat op twee plaatsen.", "This task is in two places.";
    BibBuildPNoSuchChapter => "Kies een hoofdstuk dat bestaat.", "Choose a chapter that exists.";
    BibBuildPBranchTask => "Kies een meerkeuzevraag van dit hoofdstuk.", "Choose a multiple-choice task of this chapter.";
    BibBuildPBranchOptions => "Kies een hoofdstuk voor elk antwoord.", "Choose a chapter for every answer.";
    BibBuildPStoryCycle => "Deze keuze leidt terug naar een eerder hoofdstuk: het verhaal zou nooit eindigen.", "This choice leads back to an earlier chapter: the story would never end.";
    BibBuildPNoSuchBoard => "Kies een plan dat bestaat.", "Choose a plan that exists.";
    BibBuildPOffBoard => "De plaats ligt buiten het plan (0 tot 100%).", "The spot lies outside the plan (0 to 100%).";
    BibBuildPLockItself => "Een opdracht kan niet op zichzelf wachten.", "A task cannot wait for itself.";
    BibBuildPLockCycle => "Deze opdrachten wachten op elkaar: ze gaan nooit open.", "These tasks wait for each other: they never open.";
    BibBuildPDoorOneBoard => "Een deur verbindt twee verschillende grondplannen.", "A door joins two different floor plans.";
    BibBuildPNotJoined => "Geen deur leidt van het eerste grondplan naar dit plan. Voeg een deur toe.", "No door leads from the first floor plan to this one. Add a door.";
    BibBuildPDoorCount => "Een speurtocht heeft hoogstens 50 deuren.", "A quest has at most 50 doors.";
    BibBuildPPicture => "Deze afbeelding staat niet op onze server. Laad ze opnieuw op.", "This picture is not on our server. Upload it again.";
    BibBuildChapterImage => "Afbeelding bij het hoofdstuk", "Picture for the chapter";
    BibBuildDoors => "Deuren tussen de grondplannen", "Doors between the floor plans";
    BibBuildDoorsHelp => "Een deur, trap of lift verbindt twee grondplannen. Teams gaan erdoor naar het andere plan, in beide richtingen.", "A door, stairs or a lift joins two floor plans. Teams go through to the other plan, both ways.";
    BibBuildDoor => "Deur", "Door";
    BibBuildDoorLabel => "Wat staat er op de deur (bv. Trap naar boven)", "What the door says (e.g. Stairs up)";
    BibBuildDoorEnd => "Kant", "Side";
    BibBuildAddDoor => "Deur toevoegen", "Add door";
    BibBuildRemoveDoor => "Deur verwijderen", "Remove door";
    BibBuildPreviewHelp => "Zo speelt een team het spel. Niets wordt bewaard.", "This is how a team plays the game. Nothing is saved.";
    BibBuildScore => "Punten:", "Points:";
    BibBuildRightAnswer => "Juist! Goed gedaan.", "Right! Well done.";
    BibBuildWrongAnswer => "Helaas, dat is niet juist.", "Sorry, that is not right.";
    BibBuildToReview => "De spelleider bekijkt dit antwoord.", "The game leader will look at this answer.";
    BibBuildOpenTasks => "Kies een opdracht:", "Choose a task:";
    BibBuildPreviewEnd => "Klaar! Het spel is uit.", "Done! The game is over.";
    BibBuildRestart => "Opnieuw beginnen", "Start again";
    BibBuildChoose => "Kies", "Choose";
    BibBuildPreviewPhoto => "In de proefversie hoef je geen foto te nemen.", "In the preview you need not take a photo.";
    BibBuildShowHint => "Toon de tip", "Show the hint";
    BibBuildSend => "Antwoord geven", "Answer";
    BibBuildRead => "Gelezen", "Read it";
    BibBuildNoCodes => "Dit spel heeft geen opdrachten om een code te zoeken.", "This game has no find-the-code tasks.";
    BibBuildQrOf => "QR-code van", "QR code of";
    BibBuildPrintNow => "Afdrukken", "Print";
    BibBuildAnswered => "Beantwoord", "Answered";
    BibBuildRightCount => "Juist beantwoord", "Answered right";
    BibBuildRightShare => "Deel juist", "Share right";
    BibBuildMedian => "Mediaan tijd", "Median time";
    BibBuildPerTask => "Per opdracht", "Per task";
    BibBuildSessions => "Sessies:", "Sessions:";
    BibBuildTeams => "Aantal teams:", "Teams:";
    BibBuildCsv => "Download als CSV", "Download as CSV";
    BibBuildLibraryStats => "Statistieken", "Statistics";
    BibBuildLibraryStatsHelp => "Hoe jullie bib Bibster speelt, over al haar spellen samen. Statistieken per opdracht staan bij elk spel.", "How your library plays Bibster, over all its games together. Statistics per task are with each game.";
    BibBuildNoPlayYet => "Er is nog niet gespeeld. Start een spel in de spelleiding; daarna staan hier de cijfers.", "Nothing was played yet. Start a game in the game leader view; the figures appear here after that.";
    BibBuildPerGame => "Per spel", "Per game";
    BibBuildPerMonth => "Per maand", "Per month";
    BibBuildMonth => "Maand", "Month";
    BibBuildGameColumn => "Spel", "Game";
    BibBuildSessionsColumn => "Sessies", "Sessions";
    BibBuildTeamsColumn => "Aantal teams", "Teams";
    BibBuildAnswersColumn => "Antwoorden", "Answers";
    BibBuildTeamsPerMonth => "Teams per maand", "Teams per month";
    BibBuildRightTotal => "Juist:", "Right:";
    BibBuildAnswersTotal => "Antwoorden:", "Answers:";
    }
    #[cfg(feature = "bibster-staff")] {
    // Bibster's leader view (apps/bibster-beheer/src/leader).
    BibLeaderTitle => "Spelleiding", "Game leader";
    BibLeadLibrary => "Bibliotheek", "Library";
    BibLeadNoLibraries => "Er is nog geen bibliotheek.", "There is no library yet.";
    BibLeadOnlyLibraries => "De spelleiding van Bibster is er voor medewerkers van een bibliotheek.", "Bibster's game leader view is for library staff.";
    BibLeadStartTitle => "Een spel starten", "Start a game";
    BibLeadGame => "Spel", "Game";
    BibLeadNoGames => "Er is nog geen gepubliceerd spel. Maak en publiceer er een in de spelbouwer.", "There is no published game yet. Make and publish one in the game builder.";
    BibLeadBuilderLink => "Naar de spelbouwer", "To the game builder";
    BibLeadTeamsHow => "Hoe komen de teams binnen?", "How do teams come in?";
    BibLeadModeJoin => "Teams kiezen zelf een naam", "Teams choose their own name";
    BibLeadModePremade => "Ik maak de teams op voorhand; elk team krijgt een code", "I make the teams beforehand; each team gets a code";
    BibLeadNames => "Teamnamen, één per regel", "Team names, one per line";
    BibLeadNamesHelp => "Elk team krijgt een eigen code om mee binnen te komen.", "Each team gets a code of its own to come in with.";
    BibLeadNamesEmpty => "Typ minstens één teamnaam.", "Type at least one team name.";
    BibLeadNamesDouble => "Twee teams hebben dezelfde naam.", "Two teams have the same name.";
    BibLeadNamesTooMany => "Hoogstens 100 teams.", "100 teams at most.";
    BibLeadLine => "Regel", "Line";
    BibLeadStart => "Start het spel", "Start the game";
    BibLeadStarting => "Het spel start…", "Starting the game…";
    BibLeadRecent => "Recente sessies", "Recent sessions";
    BibLeadNoSessions => "Er zijn nog geen sessies.", "There are no sessions yet.";
    BibLeadOpen => "Openen", "Open";
    BibLeadRunning => "bezig", "running";
    BibLeadEnded => "afgelopen", "ended";
    BibLeadColCode => "Spelcode", "Game code";
    BibLeadColStarted => "Gestart", "Started";
    BibLeadColState => "Toestand", "State";
    BibLeadColTeams => "Aantal teams", "Number of teams";
    BibLeadBack => "Alle sessies", "All sessions";
    BibLeadCodeTitle => "Doe mee met de spelcode", "Join with the game code";
    BibLeadJoinAt => "Ga naar", "Go to";
    BibLeadQrLabel => "QR-code om mee te doen met dit spel", "QR code to join this game";
    BibLeadFullscreen => "Volledig scherm", "Full screen";
    BibLeadFullscreenExit => "Volledig scherm sluiten", "Leave full screen";
    BibLeadPremadeTitle => "Teams en hun codes", "Teams and their codes";
    BibLeadPrint => "Afdrukken", "Print";
    BibLeadBoardTitle => "Scorebord", "Scoreboard";
    BibLeadLive => "Live verbonden", "Live connected";
    BibLeadOffline => "Offline: opnieuw verbinden…", "Offline: reconnecting…";
    BibLeadColPlace => "Plaats", "Place";
    BibLeadColScore => "Punten", "Points";
    BibLeadColProgress => "Beantwoord", "Answered";
    BibLeadColReview => "Te beoordelen", "To review";
    BibLeadColLast => "Laatste antwoord", "Last answer";
    BibLeadColActions => "Acties", "Actions";
    BibLeadOf => "van", "of";
    BibLeadNoTeams => "Nog geen teams. Ze komen binnen met de spelcode.", "No teams yet. They come in with the game code.";
    BibLeadNotJoined => "nog niet binnen", "not in yet";
    BibLeadRename => "Naam wijzigen", "Rename";
    BibLeadNewName => "Nieuwe naam voor", "New name for";
    BibLeadSave => "Bewaren", "Save";
    BibLeadCancel => "Annuleren", "Cancel";
    BibLeadRemove => "Verwijderen", "Remove";
    BibLeadRemoveConfirm => "Dit team echt verwijderen? Het kan dan niet meer meespelen.", "Really remove this team? It can then no longer play.";
    BibLeadRemoveYes => "Ja, verwijder het team", "Yes, remove the team";
    BibLeadAddTeam => "Team toevoegen", "Add a team";
    BibLeadTeamName => "Teamnaam", "Team name";
    BibLeadRenamed => "De naam is gewijzigd.", "The name is changed.";
    BibLeadRemoved => "Het team is verwijderd.", "The team is removed.";
    BibLeadAdded => "Het team is toegevoegd.", "The team is added.";
    BibLeadReviewTitle => "Te beoordelen antwoorden", "Answers to review";
    BibLeadReviewHelp => "Pijltjestoetsen: naar het vorige of volgende antwoord. A: goedkeuren. R: afkeuren.", "Arrow keys: to the previous or next answer. A: approve. R: reject.";
    BibLeadReviewEmpty => "Er wacht niets om te beoordelen.", "Nothing is waiting for review.";
    BibLeadApprove => "Goedkeuren (A)", "Approve (A)";
    BibLeadReject => "Afkeuren (R)", "Reject (R)";
    BibLeadPoints => "Punten, hoogstens", "Points, at most";
    BibLeadApproved => "Goedgekeurd:", "Approved:";
    BibLeadRejected => "Afgekeurd:", "Rejected:";
    BibLeadPhotoOf => "Foto van team", "Photo by team";
    BibLeadNoText => "(geen tekst)", "(no text)";
    BibLeadMessagesTitle => "Berichten aan alle teams", "Messages to every team";
    BibLeadMessage => "Bericht", "Message";
    BibLeadCharacters => "tekens", "characters";
    BibLeadSend => "Versturen", "Send";
    BibLeadSent => "Het bericht is verstuurd.", "The message is sent.";
    BibLeadNoMessages => "Nog geen berichten verstuurd.", "No messages sent yet.";
    BibLeadEnd => "Spel beëindigen", "End the game";
    BibLeadEndConfirm => "Het spel beëindigen? Teams kunnen dan niet meer antwoorden.", "End the game? Teams can then no longer answer.";
    BibLeadEndYes => "Ja, beëindig het spel", "Yes, end the game";
    BibLeadPodiumTitle => "Eindstand", "Final standings";
    BibLeadPodiumEmpty => "Er speelde geen enkel team mee.", "No team played.";
    BibLeadPointsShort => "punten", "points";
    }
    #[cfg(feature = "beheer")] {
    // The service's back-office (`/beheer/`).
    AdmTitle => "Beheer", "Administration";
    AdmLead => "Organisaties, apps, medewerkers en cijfers van de dienst.", "Organisations, apps, staff and figures of the service.";
    AdmMyAccount => "Mijn account", "My account";
    AdmCurrentPassword => "Huidig wachtwoord", "Current password";
    AdmNewPassword => "Nieuw wachtwoord", "New password";
    AdmPasswordHelp => "Minstens 8 tekens en niet makkelijk te raden. Een zin van enkele woorden werkt goed.", "At least 8 characters and not easy to guess. A sentence of a few words works well.";
    AdmChangePassword => "Wachtwoord wijzigen", "Change password";
    AdmPasswordChanged => "Je wachtwoord is gewijzigd. Je andere sessies zijn afgemeld.", "Your password is changed. Your other sessions are logged out.";
    AdmSessions => "Waar je aangemeld bent", "Where you are logged in";
    AdmSessionThis => "deze sessie", "this session";
    AdmSessionLastUsed => "laatst gebruikt", "last used";
    AdmSessionEnd => "Afmelden", "Log out";
    AdmSessionsEndOthers => "Overal elders afmelden", "Log out everywhere else";
    AdmOrganisations => "Organisaties", "Organisations";
    AdmNewOrganisation => "Nieuwe organisatie", "New organisation";
    AdmKind => "Soort", "Kind";
    AdmKindLibrary => "Bibliotheek", "Library";
    AdmKindCentre => "Cultuurcentrum", "Cultural centre";
    AdmKindCompany => "Theatergezelschap", "Theatre company";
    AdmId => "Korte naam in webadressen", "Short name in web addresses";
    AdmIdHelp => "Kleine letters, cijfers en streepjes, bijvoorbeeld aalst.", "Lowercase letters, digits and dashes, for example aalst.";
    AdmName => "Naam", "Name";
    AdmTown => "Gemeente", "Town";
    AdmAdd => "Toevoegen", "Add";
    AdmAdded => "Toegevoegd.", "Added.";
    AdmArchive => "Archiveren", "Archive";
    AdmRestore => "Terugzetten", "Restore";
    AdmArchived => "gearchiveerd", "archived";
    AdmNoOrganisations => "Er is nog geen organisatie. Voeg er hieronder een toe.", "There is no organisation yet. Add one below.";
    AdmOrganisation => "Organisatie", "Organisation";
    AdmApps => "Abonnementen op de apps", "Subscriptions to the apps";
    AdmStateNone => "niet aangevraagd", "not requested";
    AdmStateRequested => "aangevraagd", "requested";
    AdmStateActive => "actief", "active";
    AdmStatePaused => "gepauzeerd", "paused";
    AdmStateEnded => "beëindigd", "ended";
    AdmRequest => "Aanvragen", "Request";
    AdmActivate => "Aanzetten", "Switch on";
    AdmPause => "Pauzeren", "Pause";
    AdmEnd => "Beëindigen", "End";
    AdmPopulation => "Aantal inwoners dat de bibliotheek bedient", "Inhabitants the library serves";
    AdmStaff => "Medewerkers", "Staff";
    AdmNoStaff => "Er zijn nog geen medewerkers.", "There are no staff yet.";
    AdmInvite => "Uitnodigen", "Invite";
    AdmManager => "Mag collega's uitnodigen en beheren", "May invite and manage colleagues";
    AdmInvitationLink => "Geef deze link door aan de persoon. Hij werkt één keer, 7 dagen lang:", "Pass this link on to the person. It works once, for 7 days:";
    AdmReset => "Nieuw wachtwoord laten kiezen", "Let them choose a new password";
    AdmDisable => "Uitschakelen", "Disable";
    AdmEnable => "Inschakelen", "Enable";
    AdmDelete => "Verwijderen", "Delete";
    AdmDisabled => "uitgeschakeld", "disabled";
    AdmWaitingPassword => "wacht op een wachtwoord", "waiting for a password";
    AdmManagerTag => "beheert collega's", "manages colleagues";
    AdmBranches => "Vestigingen", "Branches";
    AdmNoBranches => "Er zijn nog geen vestigingen.", "There are no branches yet.";
    AdmLocation => "Locatie-id in de catalogus", "Location id in the catalogue";
    AdmAddress => "Adres", "Address";
    AdmFigures => "Cijfers", "Figures";
    AdmMonth => "Maand", "Month";
    AdmSignedUp => "Ingeschreven", "Signed up";
    AdmActiveCount => "Actief", "Active";
    AdmOrganisationsChart => "staafdiagram van de ingeschreven en actieve organisaties per maand (de cijfers staan ook in de tabel)", "bar chart of the organisations signed up and active per month (the numbers are in the table too)";
    AdmPerMonth => "per maand, staafdiagram (de cijfers staan ook in de tabel)", "per month, bar chart (the numbers are in the table too)";
    AdmTop => "Meest gebruikt", "Most used";
    AdmAudit => "Logboek", "Audit log";
    AdmWhen => "Wanneer", "When";
    AdmWho => "Wie", "Who";
    AdmWhat => "Wat", "What";
    AdmNoAudit => "Er staat nog niets in het logboek.", "Nothing in the log yet.";
    AdmInvitationTitle => "Kies je wachtwoord", "Choose your password";
    AdmInvitationFor => "Je bent uitgenodigd als", "You are invited as";
    AdmInvitationDone => "Je wachtwoord is ingesteld. Je kunt je nu aanmelden.", "Your password is set. You can log in now.";
    AdmToLogin => "Naar aanmelden", "To the login";
    AdmSetPassword => "Wachtwoord instellen", "Set password";
    AdmNothingHere => "Je account beheert geen organisatie. Vraag een beheerder van je organisatie om meer rechten.", "Your account manages no organisation. Ask a manager of your organisation for more rights.";
    AdmDone => "Gedaan.", "Done.";
    AdmCsv => "Download als CSV", "Download as CSV";
    }
    #[cfg(feature = "e-reader")] {
    // E-reader lending (`lending`): why a loan, reservation or hold was refused, and
    // the back-office's policy and licence rule.
    LendUnknownTitle => "Dit boek zit niet (meer) in de uitleencollectie.", "This book is not (or no longer) in the lending collection.";
    LendTitleExists => "Dit boek zit al in de uitleencollectie.", "This book is already in the lending collection.";
    LendAlreadyBorrowing => "Je leent dit boek al. Je vindt het bij je leningen.", "You are already borrowing this book. You will find it among your loans.";
    LendAlreadyQueued => "Je hebt dit boek al gereserveerd. Je plaats in de wachtrij zie je bij je reservaties.", "You have already reserved this book. Your place in the queue is shown among your reservations.";
    LendNoLicenceFree => "Dit boek is nu helemaal uitgeleend. Reserveer het: zodra het vrij is, houden we het voor je vast.", "This book is fully on loan now. Reserve it: as soon as it is free, we will hold it for you.";
    LendLicenceFree => "Dit boek is nu vrij. Je hoeft niet te reserveren: leen het meteen.", "This book is free now. No need to reserve: borrow it straight away.";
    LendLoanLimitTwo => "Je hebt al 2 boeken geleend. Breng er eerst een terug.", "You already have 2 books on loan. Return one first.";
    LendLoanLimit => "Je hebt al zoveel boeken geleend als mag. Breng er eerst een terug.", "You already have as many books on loan as allowed. Return one first.";
    LendReservationLimitTwo => "Je hebt al 2 boeken gereserveerd. Annuleer eerst een reservatie.", "You have already reserved 2 books. Cancel a reservation first.";
    LendReservationLimit => "Je hebt al zoveel boeken gereserveerd als mag. Annuleer eerst een reservatie.", "You have already reserved as many books as allowed. Cancel a reservation first.";
    LendNoReservations => "Je bibliotheek werkt niet met reservaties. Probeer later opnieuw te lenen.", "Your library does not take reservations. Try borrowing again later.";
    LendLoanLength => "Kies een uitleentermijn van minstens 1 dag en niet langer dan je bibliotheek toelaat.", "Choose a loan period of at least 1 day and no longer than your library allows.";
    LendNotBorrowing => "Je leent dit boek niet (meer). Misschien is je uitleentermijn voorbij.", "You are not (or no longer) borrowing this book. Perhaps your loan period is over.";
    LendNotQueued => "Je hebt dit boek niet (meer) gereserveerd.", "You have not (or no longer) reserved this book.";
    LendNoHold => "Dit boek ligt nog niet voor je klaar. Je krijgt bericht zodra het zover is.", "This book is not waiting for you yet. You will hear as soon as it is.";
    LendHoldWaiting => "Dit boek ligt voor je klaar. Leen het nu of geef je beurt door.", "This book is waiting for you. Borrow it now or pass your turn.";
    LendAlreadySuspended => "Je reservatie staat al op pauze. Je houdt je plaats in de wachtrij.", "Your reservation is already paused. You keep your place in the queue.";
    LendNotSuspended => "Je reservatie staat niet op pauze.", "Your reservation is not paused.";
    LendPolicyNoLoans => "Leden moeten minstens 1 boek tegelijk kunnen lenen.", "Members must be able to borrow at least 1 book at a time.";
    LendPolicyLoanDays => "Een uitleentermijn duurt minstens 1 dag en hoogstens 42 dagen (6 weken).", "A loan period lasts at least 1 day and at most 42 days (6 weeks).";
    LendPolicyHoldHours => "Een boek ligt minstens 1 uur en hoogstens 14 dagen klaar.", "A book is held for at least 1 hour and at most 14 days.";
    LendRuleNoInhabitants => "Vul een aantal inwoners per licentie in van minstens 1.", "Enter a number of inhabitants per licence of at least 1.";
    LendRuleMaxBelowMin => "Het maximum aantal licenties mag niet kleiner zijn dan het minimum.", "The maximum number of licences may not be below the minimum.";
    // The e-reader app (`apps/e-reader`): the member's login, the collection, their
    // loans and the reader.
    EreaderLoginTitle => "Aanmelden met je bibliotheekpas", "Log in with your library card";
    EreaderLoginIntro => "Leen e-boeken van de gedeelde collectie en lees ze hier.", "Borrow e-books from the shared collection and read them here.";
    EreaderCard => "Nummer van je bibliotheekpas", "Library card number";
    EreaderCardHelp => "Het nummer onder de streepjescode, zonder spaties.", "The number under the barcode, without spaces.";
    EreaderPin => "Pincode", "PIN";
    EreaderLogIn => "Aanmelden", "Log in";
    EreaderLoggingIn => "Even geduld, we melden je aan…", "One moment, logging you in…";
    EreaderCardMissing => "Vul het nummer van je bibliotheekpas in.", "Enter your library card number.";
    EreaderPinMissing => "Vul je pincode in.", "Enter your PIN.";
    EreaderLogOut => "Afmelden", "Log out";
    EreaderNav => "Mijn e-boeken", "My e-books";
    EreaderCollection => "Collectie", "Collection";
    EreaderMyLoans => "Mijn leningen", "My loans";
    EreaderBy => "door", "by";
    EreaderFree => "vrij", "free";
    EreaderOf => "van de", "of";
    EreaderLicences => "licenties", "licences";
    EreaderNoneFree => "Nu helemaal uitgeleend", "All on loan now";
    EreaderBorrow => "Lenen", "Borrow";
    EreaderBorrowed => "Geleend. Je vindt het boek bij je leningen.", "Borrowed. You will find the book among your loans.";
    EreaderNoTitles => "De collectie is nog leeg.", "The collection is empty for now.";
    EreaderNoLoans => "Je leent nu geen boeken. Kies er een in de collectie.", "You have no books on loan. Choose one in the collection.";
    EreaderDaysLeft => "dagen over", "days left";
    EreaderDayLeft => "dag over", "day left";
    EreaderRead => "Lezen", "Read";
    EreaderReturn => "Terugbrengen", "Return";
    EreaderReturnConfirm => "Wil je dit boek echt terugbrengen? Je kunt het dan niet meer lezen.", "Do you really want to return this book? You will no longer be able to read it.";
    EreaderReturnYes => "Ja, terugbrengen", "Yes, return it";
    EreaderReturnNo => "Nee, houden", "No, keep it";
    EreaderReturned => "Teruggebracht.", "Returned.";
    EreaderBack => "Terug naar mijn leningen", "Back to my loans";
    EreaderPrevPage => "Vorige pagina", "Previous page";
    EreaderNextPage => "Volgende pagina", "Next page";
    EreaderPage => "Pagina", "Page";
    EreaderPageOf => "van", "of";
    EreaderPageOfAbout => "van ongeveer", "of about";
    EreaderBookPage => "In het boek: pagina", "In the book: page";
    EreaderBookPages => "Pagina's in het boek:", "Pages in the book:";
    EreaderDocument => "hoofdstuk", "chapter";
    EreaderSmaller => "Kleinere letters", "Smaller text";
    EreaderLarger => "Grotere letters", "Larger text";
    EreaderScroll => "Doorlopend scrollen", "Continuous scroll";
    EreaderContents => "Inhoud", "Contents";
    EreaderCloseContents => "Inhoud sluiten", "Close contents";
    EreaderBookFrame => "Tekst van het boek", "Text of the book";
    EreaderNotOpen => "Dit boek kon niet geopend worden.", "This book could not be opened.";
    // Reservations (the queue of a title).
    EreaderReserve => "Reserveren", "Reserve";
    EreaderReservedNow => "Gereserveerd. Je plaats in de wachtrij zie je bij je reservaties.", "Reserved. Your place in the queue is shown among your reservations.";
    EreaderInQueue => "in de wachtrij", "in the queue";
    EreaderMyReservations => "Mijn reservaties", "My reservations";
    EreaderNoReservations => "Je hebt geen reservaties. Is een boek helemaal uitgeleend? Reserveer het in de collectie.", "You have no reservations. Is a book all on loan? Reserve it in the collection.";
    EreaderPlace => "Plaats", "Place";
    EreaderPlaceOf => "van", "of";
    EreaderHoldReady => "Ligt voor je klaar. Leen het binnen", "Waiting for you. Borrow it within";
    EreaderHour => "uur", "hour";
    EreaderHours => "uur", "hours";
    EreaderPass => "Beurt doorgeven", "Pass my turn";
    EreaderPassed => "Je beurt is doorgegeven aan de volgende.", "Your turn has been passed to the next person.";
    EreaderSuspend => "Pauzeren", "Pause";
    EreaderResume => "Hervatten", "Resume";
    EreaderSuspendedNote => "Gepauzeerd: je houdt je plaats, maar wie na je komt, mag voor.", "Paused: you keep your place, but those after you may go first.";
    EreaderCancelReservation => "Annuleren", "Cancel";
    EreaderCancelConfirm => "Wil je deze reservatie annuleren? Je verliest je plaats in de wachtrij.", "Do you want to cancel this reservation? You will lose your place in the queue.";
    EreaderCancelYes => "Ja, annuleren", "Yes, cancel";
    EreaderCancelNo => "Nee, houden", "No, keep it";
    EreaderCancelled => "Je reservatie is geannuleerd.", "Your reservation has been cancelled.";
    // Reading history (off by default).
    EreaderHistory => "Leesgeschiedenis", "Reading history";
    EreaderHistoryKeep => "Bijhouden welke boeken ik gelezen heb", "Keep track of the books I have read";
    EreaderHistoryOffNote => "Dit staat uit: als een lening eindigt, bewaren we niet dat jij het boek las.", "This is off: when a loan ends, we do not keep that you read the book.";
    EreaderHistoryOnNote => "Dit staat aan. Zet je het uit, dan wissen we de lijst meteen.", "This is on. If you switch it off, we delete the list at once.";
    EreaderHistoryEmpty => "Nog niets: boeken die je vanaf nu terugbrengt of die aflopen, komen hier.", "Nothing yet: books you return from now on, or whose loan ends, will appear here.";
    EreaderHistoryRead => "gelezen tot", "read until";
    // Bookmarks and highlights.
    EreaderNoteNoPlace => "Deze plek in het boek kunnen we niet bewaren. Probeer het opnieuw.", "We cannot keep this place in the book. Please try again.";
    EreaderNoteQuoteTooLong => "Dat stuk tekst is te lang om te markeren: kies hoogstens 500 tekens.", "That passage is too long to highlight: choose at most 500 characters.";
    EreaderNoteTooLong => "Je notitie is te lang: hoogstens 1000 tekens.", "Your note is too long: at most 1000 characters.";
    EreaderNotesFull => "Je hebt al 500 bladwijzers en markeringen in dit boek. Verwijder er eerst een paar.", "You already have 500 bookmarks and highlights in this book. Remove a few first.";
    // A copy for an e-reader device.
    EreaderDownload => "Downloaden voor je e-reader", "Download for your e-reader";
    EreaderNoDownload => "Dit boek kun je alleen hier in de browser lezen, niet downloaden.", "This book can only be read here in the browser, not downloaded.";
    // The reader's display settings, search in the book and reading aloud.
    EreaderSettings => "Weergave", "Display";
    EreaderCloseSettings => "Weergave sluiten", "Close display";
    EreaderTheme => "Kleuren", "Colours";
    EreaderThemeLight => "Licht", "Light";
    EreaderThemeSepia => "Sepia (crème)", "Sepia (cream)";
    EreaderThemeDark => "Donker", "Dark";
    EreaderFamily => "Lettertype", "Font";
    EreaderFamilyBook => "Dat van het boek", "The book's own";
    EreaderFamilySerif => "Met schreef", "Serif";
    EreaderFamilySans => "Zonder schreef", "Sans-serif";
    EreaderFamilyDyslexic => "OpenDyslexic (voor dyslexie)", "OpenDyslexic (for dyslexia)";
    EreaderLineHeight => "Regelafstand", "Line spacing";
    EreaderMargins => "Marges", "Margins";
    EreaderStepSmall => "Klein", "Small";
    EreaderStepMedium => "Middel", "Medium";
    EreaderStepLarge => "Groot", "Large";
    EreaderSearch => "Zoeken", "Search";
    EreaderSearchLabel => "Zoek in het boek", "Search in the book";
    EreaderCloseSearch => "Zoeken sluiten", "Close search";
    EreaderSearching => "Even geduld, we zoeken…", "One moment, searching…";
    EreaderNothingFound => "Niets gevonden", "Nothing found";
    EreaderSearchLength => "Zoek op minstens 2 en hoogstens 100 tekens.", "Search for at least 2 and at most 100 characters.";
    EreaderHits => "keer gevonden", "matches";
    EreaderReadAloud => "Voorlezen", "Read aloud";
    EreaderSpeechPause => "Voorlezen pauzeren", "Pause reading aloud";
    EreaderSpeechResume => "Verder voorlezen", "Resume reading aloud";
    EreaderSpeechStop => "Stoppen met voorlezen", "Stop reading aloud";
    // Offline: the installable app and borrowed books kept on the device
    // (`apps/e-reader/src/offline`).
    EreaderOfflineBanner => "Je bent offline. Boeken die op dit toestel bewaard zijn, kun je lezen. Lenen, terugbrengen en reserveren kan weer zodra je online bent.", "You are offline. Books kept on this device can be read. Borrowing, returning and reserving work again once you are online.";
    EreaderOfflineSave => "Offline beschikbaar maken", "Make available offline";
    EreaderOfflineSaving => "Bezig met bewaren op dit toestel…", "Keeping it on this device…";
    EreaderOfflineReady => "Offline beschikbaar", "Available offline";
    EreaderOfflineNotSaved => "Niet op dit toestel bewaard: lezen kan pas weer online.", "Not kept on this device: it can be read once you are online.";
    EreaderPageNotLoaded => "Deze bladzijde kon niet laden. Controleer de internetverbinding en probeer opnieuw.", "This page could not load. Check the internet connection and try again.";
    EreaderOfflineFailed => "Dit boek kon niet op dit toestel bewaard worden. Probeer het opnieuw.", "This book could not be kept on this device. Please try again.";
    EreaderLoanEnded => "Deze uitlening is afgelopen.", "This loan has ended.";
    // Bookmarks and highlights in the reader (`apps/e-reader/src/reader/notes*.rs`).
    EreaderNoteBookmark => "Bladwijzer", "Bookmark";
    EreaderNoteHighlight => "Markeren", "Highlight";
    EreaderNoteHighlightKeys => "Selecteer tekst met Shift en de pijltjestoetsen, markeer met M.", "Select text with Shift and the arrow keys, highlight with M.";
    EreaderNotePanel => "Bladwijzers en markeringen", "Bookmarks and highlights";
    EreaderNoteClose => "Bladwijzers en markeringen sluiten", "Close bookmarks and highlights";
    EreaderNoteBookmarks => "Bladwijzers", "Bookmarks";
    EreaderNoteHighlights => "Markeringen", "Highlights";
    EreaderNoteNoBookmarks => "Nog geen bladwijzers", "No bookmarks yet";
    EreaderNoteNoHighlights => "Nog geen markeringen", "No highlights yet";
    EreaderNoteLoading => "Even geduld, we halen je bladwijzers en markeringen op…", "One moment, fetching your bookmarks and highlights…";
    EreaderNoteLoadFailed => "Je bladwijzers en markeringen konden niet opgehaald worden. Probeer het later opnieuw.", "Your bookmarks and highlights could not be fetched. Please try again later.";
    EreaderNoteRemoveBookmark => "Bladwijzer verwijderen:", "Remove bookmark:";
    EreaderNoteRemoveHighlight => "Markering verwijderen:", "Remove highlight:";
    EreaderNoteRemove => "Verwijderen", "Remove";
    }
    #[cfg(feature = "e-reader-staff")] {
    // Why an uploaded EPUB is refused (`suite_epub::EpubError::msg`), for a librarian.
    EreaderEpubNotZip => "Dit bestand is geen EPUB: het is geen zip-archief, of het is beschadigd of onvolledig doorgestuurd.", "This file is not an EPUB: it is not a zip archive, or it is damaged or was cut off.";
    EreaderEpubTooManyFiles => "Dit EPUB-bestand bevat veel te veel bestanden om veilig te openen.", "This EPUB file holds far too many files to open safely.";
    EreaderEpubTooLarge => "Dit EPUB-bestand wordt uitgepakt veel te groot om veilig te openen.", "This EPUB file unpacks far too large to open safely.";
    EreaderEpubPartTooLarge => "Een onderdeel van dit EPUB-bestand is te groot.", "A part of this EPUB file is too large.";
    EreaderEpubPartDamaged => "Een onderdeel van dit EPUB-bestand is beschadigd en kan niet gelezen worden.", "A part of this EPUB file is damaged and cannot be read.";
    EreaderEpubMimetypeMissing => "Dit is geen EPUB: het bestand 'mimetype' dat elk e-boek begint, ontbreekt.", "This is not an EPUB: the 'mimetype' file every e-book starts with is missing.";
    EreaderEpubMimetypeWrong => "Dit is geen EPUB: het bestand 'mimetype' zegt dat het een ander soort bestand is.", "This is not an EPUB: the 'mimetype' file says it is another kind of file.";
    EreaderEpubContainerMissing => "Het e-boek mist zijn inhoudsopgave van bestanden (META-INF/container.xml).", "The e-book lacks its list of files (META-INF/container.xml).";
    EreaderEpubPackageMissing => "Het e-boek mist zijn pakketbestand met titel, auteurs en leesvolgorde.", "The e-book lacks its package file with title, authors and reading order.";
    EreaderEpubBadXml => "Een bestand in het e-boek is beschadigd of fout opgemaakt (geen geldige XML).", "A file in the e-book is damaged or badly written (not valid XML).";
    EreaderEpubNotText => "Een tekstbestand in het e-boek heeft een onleesbare tekenset.", "A text file in the e-book has an unreadable character set.";
    EreaderEpubWrongKind => "Een bestand in het e-boek is niet wat het moet zijn.", "A file in the e-book is not what it should be.";
    EreaderEpubVersion => "Dit e-boek is geen EPUB 2 of EPUB 3. Vraag de uitgever een recente versie.", "This e-book is not EPUB 2 or EPUB 3. Ask the publisher for a recent version.";
    EreaderEpubNoSpine => "Het e-boek zegt niet in welke volgorde de hoofdstukken gelezen worden.", "The e-book does not say in which order its chapters are read.";
    EreaderEpubEmptySpine => "Het e-boek heeft geen enkel hoofdstuk om te lezen.", "The e-book has no chapter to read.";
    EreaderEpubChapterMissing => "Een hoofdstuk of bestand dat het e-boek noemt, zit er niet in.", "A chapter or file the e-book names is not in it.";
    EreaderEpubOutside => "Het e-boek verwijst naar een bestand buiten het boek. Zo'n bestand nemen we niet op.", "The e-book points to a file outside the book. We do not add such a file.";
    EreaderEpubNoToc => "Het e-boek heeft geen inhoudstafel (geen nav-document en geen NCX).", "The e-book has no table of contents (no nav document and no NCX).";
    EreaderEpubDrm => "Dit e-boek is beveiligd met DRM. Enkel boeken zonder DRM kunnen hier uitgeleend worden.", "This e-book is protected with DRM. Only books without DRM can be lent here.";
    EreaderEpubNoTitle => "Het e-boek heeft geen titel.", "The e-book has no title.";
    // The e-reader's back-office (apps/e-reader-beheer).
    EreaderAdmLicencesTooMany => "Vul hoogstens 10.000 licenties in.", "Enter at most 10,000 licences.";
    EreaderAdmCollection => "Collectie", "Collection";
    EreaderAdmLibraries => "Bibliotheken", "Libraries";
    EreaderAdmStats => "Statistieken", "Statistics";
    EreaderAdmUpload => "Een e-boek toevoegen", "Add an e-book";
    EreaderAdmUploadHelp => "Kies een EPUB-bestand zonder DRM van hoogstens 50 MB. We controleren het eerst; een kapot bestand komt niet in de collectie.", "Choose an EPUB file without DRM of at most 50 MB. We check it first; a broken file does not enter the collection.";
    EreaderAdmFile => "EPUB-bestand", "EPUB file";
    EreaderAdmUploadButton => "Toevoegen", "Add";
    EreaderAdmUploading => "Bezig met opladen en controleren…", "Uploading and checking…";
    EreaderAdmAdded => "Toegevoegd aan de collectie:", "Added to the collection:";
    EreaderAdmFileMissing => "Kies eerst een EPUB-bestand.", "Choose an EPUB file first.";
    EreaderAdmFileTooBig => "Dit bestand is groter dan 50 MB.", "This file is larger than 50 MB.";
    EreaderAdmRefused => "Dit bestand is niet toegevoegd", "This file was not added";
    EreaderAdmTechnical => "Technische details (in het Engels)", "Technical details";
    EreaderAdmTitles => "Titels in de collectie", "Titles in the collection";
    EreaderAdmColTitle => "Titel", "Title";
    EreaderAdmColLicences => "Licenties", "Licences";
    EreaderAdmColHow => "Aantal bepaald", "Number set";
    EreaderAdmColLoans => "Nu uitgeleend", "On loan now";
    EreaderAdmColQueue => "Wachtrij", "Queue";
    EreaderAdmColDownload => "Downloaden", "Download";
    EreaderAdmColChange => "Wijzigen", "Change";
    EreaderAdmByRule => "volgens regel", "by the rule";
    EreaderAdmByHand => "met de hand", "by hand";
    EreaderAdmYes => "ja", "yes";
    EreaderAdmNo => "nee", "no";
    EreaderAdmEdit => "Licenties en downloaden wijzigen", "Change licences and download";
    EreaderAdmSave => "Bewaren", "Save";
    EreaderAdmCancel => "Annuleren", "Cancel";
    EreaderAdmLicencesLabel => "Aantal licenties", "Number of licences";
    EreaderAdmLicencesInvalid => "Vul een heel getal in van 0 tot 10.000.", "Enter a whole number from 0 to 10,000.";
    EreaderAdmDownloadLabel => "Leden mogen dit boek downloaden voor een e-reader tijdens hun lening", "Members may download this book for an e-reader during their loan";
    EreaderAdmSaved => "Bewaard.", "Saved.";
    EreaderAdmNoTitles => "Er zitten nog geen boeken in de collectie.", "There are no books in the collection yet.";
    EreaderAdmLibrariesHelp => "Een bibliotheek neemt deel zolang haar abonnement op de e-reader actief is. Abonnementen en inwoners beheer je in het beheer van de dienst.", "A library takes part while its e-reader subscription is active. Subscriptions and inhabitants are managed in the service's back-office.";
    EreaderAdmColLibrary => "Bibliotheek", "Library";
    EreaderAdmColPopulation => "Inwoners", "Inhabitants";
    EreaderAdmColJoined => "Neemt deel sinds", "Taking part since";
    EreaderAdmTogether => "Samen", "Together";
    EreaderAdmRulePer => "De regel: 1 licentie per begonnen", "The rule: 1 licence per started";
    EreaderAdmRuleGives => "inwoners. Een titel volgens regel krijgt nu", "inhabitants. A title by the rule now gets";
    EreaderAdmNoLibraries => "Nog geen enkele bibliotheek neemt deel.", "No library takes part yet.";
    EreaderAdmStatsHelp => "Leningen per titel en per maand, hoe ze eindigden, en de wachtrij. Staan er meer leden in de wachtrij dan er licenties zijn, dan zeggen we dat meer licenties zouden helpen.", "Loans per title and per month, how they ended, and the queue. When more members wait than there are licences, we say more licences would help.";
    EreaderAdmLoansPerTitle => "Leningen per titel", "Loans per title";
    EreaderAdmLoansPerMonth => "Leningen per maand", "Loans per month";
    EreaderAdmColMonth => "Maand", "Month";
    EreaderAdmColLoansTotal => "Leningen", "Loans";
    EreaderAdmColReturnedEarly => "Vroeger teruggebracht", "Returned early";
    EreaderAdmColExpired => "Termijn verlopen", "Ran out";
    EreaderAdmColHolds => "Klaargelegd", "Held";
    EreaderAdmColHoldExpiries => "Niet opgehaald", "Not collected";
    EreaderAdmColPasses => "Beurt doorgegeven", "Passed on";
    EreaderAdmColAdvice => "Advies", "Advice";
    EreaderAdmMoreLicences => "Meer licenties", "More licences";
    EreaderAdmEnough => "Genoeg", "Enough";
    EreaderAdmCsv => "Download als CSV", "Download as CSV";
    EreaderAdmNoLoans => "Er is nog niets uitgeleend.", "Nothing has been lent yet.";
    EreaderAdmOnlyStats => "Als medewerker van een deelnemende bibliotheek zie je de statistieken. De collectie beheert de beheerder van de dienst.", "As staff of a participating library you see the statistics. The service's admin manages the collection.";
    }
    #[cfg(feature = "voor-de-show")] {
    // Voor de Show: a theatre company's show data (`show::ShowProblem::msg`) and its
    // preview (`show::resolve`).
    ShowRequired => "Vul dit in.", "Fill this in.";
    ShowGradesRequired => "Kies minstens één leeftijdsgroep.", "Choose at least one age group.";
    ShowThemesRequired => "Geef minstens één thema van de voorstelling.", "Give at least one theme of the show.";
    ShowBlank => "Dit is leeg: vul het in of haal het weg.", "This is empty: fill it in or remove it.";
    ShowTitleTooLong => "Een titel heeft hoogstens 120 tekens.", "A title has at most 120 characters.";
    ShowCompanyTooLong => "De naam van het gezelschap heeft hoogstens 120 tekens.", "The company's name has at most 120 characters.";
    ShowSynopsisTooShort => "Schrijf een paar zinnen voor kinderen: minstens 40 tekens.", "Write a few sentences for children: at least 40 characters.";
    ShowSynopsisTooLong => "Hou het kort voor kinderen: hoogstens 1.200 tekens.", "Keep it short for children: at most 1,200 characters.";
    ShowThemeTooLong => "Een thema heeft hoogstens 60 tekens.", "A theme has at most 60 characters.";
    ShowKeyWordTooLong => "Een kernwoord heeft hoogstens 40 tekens.", "A key word has at most 40 characters.";
    ShowPromptTooLong => "Een opdracht voor de klas heeft hoogstens 300 tekens.", "A prompt for the class has at most 300 characters.";
    ShowTooManyThemes => "Geef hoogstens 5 thema's.", "Give at most 5 themes.";
    ShowTooManyKeyWords => "Geef hoogstens 12 kernwoorden.", "Give at most 12 key words.";
    ShowTooManyImages => "Kies hoogstens 12 beelden.", "Choose at most 12 images.";
    ShowTooManySounds => "Kies hoogstens 3 geluiden of filmpjes.", "Choose at most 3 sounds or videos.";
    ShowTwice => "Dit staat er al.", "This is already there.";
    ShowBadMedia => "Dit bestand kennen we niet. Laad het opnieuw op.", "We do not know this file. Upload it again.";
    ShowImageNotListed => "Kies een beeld dat bij de beelden van de voorstelling staat.", "Choose an image from the show's images.";
    ShowUnknownAssignment => "Deze opdracht bestaat niet (meer) in het spel.", "This assignment does not exist in the game (any more).";
    ShowGenericTitle => "de voorstelling", "the show";
    ShowFromCompany => "Van het gezelschap", "From the company";
    ShowFallback => "Algemene tekst: het gezelschap vulde hier niets in.", "General text: the company filled in nothing here.";
    }
    #[cfg(feature = "voor-de-show-staff")] {
    // Voor de Show's back-office and the server's refusals (routes/vds_*.rs).
    VdsAdminNotActive => "Voor de Show is niet actief voor dit cultuurcentrum. Vraag een abonnement aan in het beheer van de dienst.", "Voor de Show is not active for this cultural centre. Request a subscription in the service's back-office.";
    VdsAdminNotInvited => "Dit gezelschap nodigde jullie centrum niet uit. Kies een van jullie gezelschappen.", "Your centre did not invite this company. Choose one of your companies.";
    VdsAdminCompanyName => "Geef de naam van het gezelschap.", "Give the company's name.";
    VdsAdminShowInvalid => "De gegevens van de voorstelling kloppen nog niet. Kijk de gemarkeerde velden na.", "The show's data is not right yet. Check the marked fields.";
    VdsAdminMediaType => "Dit bestandstype kan niet. Kies een beeld (PNG, JPEG of WebP) of een kort geluid of filmpje (MP3, OGG, WAV, MP4 of WebM).", "This type of file cannot be used. Choose an image (PNG, JPEG or WebP) or a short sound or video (MP3, OGG, WAV, MP4 or WebM).";
    VdsAdminImageTooLarge => "Dit beeld is te groot: hoogstens 4 MB.", "This image is too large: at most 4 MB.";
    VdsAdminSoundTooLarge => "Dit geluid of filmpje is te groot: hoogstens 8 MB.", "This sound or video is too large: at most 8 MB.";
    VdsAdminImageTooSmall => "Dit beeld is te klein: minstens 320 op 240 pixels.", "This image is too small: at least 320 by 240 pixels.";
    VdsAdminImageTooWide => "Dit beeld is te groot: hoogstens 4.096 pixels breed en hoog.", "This image is too large: at most 4,096 pixels wide and high.";
    VdsAdminImageBroken => "Dit beeld is beschadigd of geen echt PNG-, JPEG- of WebP-bestand.", "This image is damaged or not a real PNG, JPEG or WebP file.";
    VdsAdminQuota => "De opslag van jullie gezelschap is vol. Haal ongebruikte bestanden weg.", "Your company's storage is full. Remove unused files.";
    VdsAdminDate => "Geef een geldige datum.", "Give a valid date.";
    VdsAdminVenue => "Geef de zaal of plaats van de voorstelling.", "Give the venue of the performance.";
    VdsAdminGrades => "Kies minstens één leeftijdsgroep, elk één keer.", "Choose at least one age group, each once.";
    VdsAdminShowUnknown => "Kies een voorstelling van een gezelschap dat jullie uitnodigden.", "Choose a show of a company you invited.";
    VdsAdminNotPublished => "Publiceer de voorstelling eerst.", "Publish the performance first.";
    VdsAdminUnknownCode => "Deze klascode kennen we niet, of ze is verlopen. Vraag een nieuwe code aan het cultuurcentrum.", "We do not know this class code, or it has expired. Ask the cultural centre for a new code.";
    VdsAdminUnknownAssignment => "Deze opdracht bestaat niet in het spel.", "This assignment does not exist in the game.";
    VdsAdminOnlyStaff => "Dit beheer is voor medewerkers van een cultuurcentrum of een theatergezelschap.", "This back-office is for staff of a cultural centre or a theatre company.";
    VdsAdminCompanies => "Gezelschappen", "Companies";
    VdsAdminShows => "Voorstellingen", "Shows";
    VdsAdminPerformances => "Schoolvoorstellingen", "School performances";
    VdsAdminFigures => "Cijfers", "Figures";
    VdsAdminUploads => "Beelden en geluid", "Images and sound";
    VdsAdminInvite => "Gezelschap uitnodigen", "Invite a company";
    VdsAdminInviteHelp => "Kies een van jullie gezelschappen of geef de naam van een nieuw. De contactpersoon krijgt een link die één keer werkt.", "Choose one of your companies or give the name of a new one. The contact gets a link that works once.";
    VdsAdminCompanyLabel => "Gezelschap", "Company";
    VdsAdminNewCompany => "Een nieuw gezelschap", "A new company";
    VdsAdminCompanyNameLabel => "Naam van het nieuwe gezelschap", "Name of the new company";
    VdsAdminTown => "Gemeente", "Town";
    VdsAdminEmail => "E-mailadres van de contactpersoon", "The contact's email address";
    VdsAdminContactName => "Naam van de contactpersoon", "The contact's name";
    VdsAdminInviteButton => "Maak de uitnodiging", "Make the invitation";
    VdsAdminLinkMade => "Geef deze link door aan de contactpersoon. Hij werkt één keer, tot", "Pass this link on to the contact. It works once, until";
    VdsAdminCopy => "Kopieer", "Copy";
    VdsAdminCopied => "Gekopieerd.", "Copied.";
    VdsAdminPending => "Uitnodigingen die nog wachten", "Invitations still waiting";
    VdsAdminNoCompanies => "Jullie nodigden nog geen gezelschappen uit.", "You have not invited any companies yet.";
    VdsAdminColName => "Naam", "Name";
    VdsAdminColEmail => "E-mailadres", "Email address";
    VdsAdminColUntil => "Geldig tot", "Valid until";
    VdsAdminNoShows => "Er zijn nog geen voorstellingen.", "There are no shows yet.";
    VdsAdminNewShow => "Nieuwe voorstelling", "New show";
    VdsAdminEdit => "Bewerk", "Edit";
    VdsAdminPreview => "Voorbeeld", "Preview";
    VdsAdminSave => "Bewaar", "Save";
    VdsAdminCancel => "Annuleer", "Cancel";
    VdsAdminSaved => "Bewaard.", "Saved.";
    VdsAdminFixFields => "Kijk deze velden na:", "Check these fields:";
    VdsAdminTitle => "Titel", "Title";
    VdsAdminCompanyField => "Gezelschap (zoals op de affiche)", "Company (as on the poster)";
    VdsAdminSynopsis => "Korte inhoud voor kinderen", "Synopsis for children";
    VdsAdminGradesLabel => "Leeftijdsgroepen", "Age groups";
    VdsAdminGrade68 => "6 tot 8 jaar", "6 to 8 years";
    VdsAdminGrade810 => "8 tot 10 jaar", "8 to 10 years";
    VdsAdminGrade1012 => "10 tot 12 jaar", "10 to 12 years";
    VdsAdminThemes => "Thema's (één per regel)", "Themes (one per line)";
    VdsAdminKeyWords => "Kernwoorden (één per regel)", "Key words (one per line)";
    VdsAdminImagesLabel => "Beelden van de voorstelling", "The show's images";
    VdsAdminSoundsLabel => "Geluid of filmpje", "Sound or video";
    VdsAdminNoUploadsYet => "Laad eerst beelden of geluid op bij 'Beelden en geluid'.", "First upload images or sound under 'Images and sound'.";
    VdsAdminAssignments => "Per opdracht (mag leeg: dan toont het spel een algemene tekst)", "Per assignment (may stay empty: the game then shows a general text)";
    VdsAdminPrompt => "Eigen opdracht voor de klas", "Own prompt for the class";
    VdsAdminImageChoice => "Beeld bij deze opdracht", "Image for this assignment";
    VdsAdminNoImage => "Geen eigen beeld", "No image of our own";
    VdsAdminPreviewTitle => "Voorbeeld van het spel", "Preview of the game";
    VdsAdminGradeLabel => "Leeftijdsgroep", "Age group";
    VdsAdminOpenGame => "Bekijk in het spel", "See it in the game";
    VdsAdminGeneric => "algemene tekst", "general text";
    VdsAdminPartTitle => "Opdracht", "Assignment";
    VdsAdminPartGoal => "Doel", "Goal";
    VdsAdminPartTeacher => "De leraar zegt", "The teacher says";
    VdsAdminPartActivity => "Activiteit", "Activity";
    VdsAdminPartPrompt => "Op het bord", "On the board";
    VdsAdminPartShow => "Voorstelling", "Show";
    VdsAdminUploadLabel => "Bestand: een beeld of een kort geluid of filmpje", "File: an image or a short sound or video";
    VdsAdminUploadHelp => "Beelden: PNG, JPEG of WebP, hoogstens 4 MB, minstens 320 op 240 pixels. Geluid of filmpje: MP3, OGG, WAV, MP4 of WebM, hoogstens 8 MB.", "Images: PNG, JPEG or WebP, at most 4 MB, at least 320 by 240 pixels. Sound or video: MP3, OGG, WAV, MP4 or WebM, at most 8 MB.";
    VdsAdminUploadButton => "Laad op", "Upload";
    VdsAdminUploaded => "Opgeladen.", "Uploaded.";
    VdsAdminChooseFile => "Kies een bestand.", "Choose a file.";
    VdsAdminNoUploads => "Er zijn nog geen bestanden.", "There are no files yet.";
    VdsAdminShowLabel => "Voorstelling", "Show";
    VdsAdminDateLabel => "Datum", "Date";
    VdsAdminVenueLabel => "Zaal", "Venue";
    VdsAdminAddPerformance => "Voeg de schoolvoorstelling toe", "Add the school performance";
    VdsAdminPublish => "Publiceer", "Publish";
    VdsAdminPublished => "Gepubliceerd", "Published";
    VdsAdminDraft => "Nog niet gepubliceerd", "Not published yet";
    VdsAdminMoreCode => "Nog een klascode", "One more class code";
    VdsAdminCodes => "Klascodes en links voor de klassen", "Class codes and links for the classes";
    VdsAdminNoPerformances => "Er zijn nog geen schoolvoorstellingen.", "There are no school performances yet.";
    VdsAdminClasses => "Klassen die speelden", "Classes that played";
    VdsAdminDone => "Gedaan", "Done";
    VdsAdminSkipped => "Overgeslagen", "Skipped";
    VdsAdminAssignment => "Opdracht", "Assignment";
    VdsAdminNoFigures => "Er speelde nog geen klas.", "No class has played yet.";
    VdsAdminCsv => "Download als CSV", "Download as CSV";
    VdsAdminFiguresHelp => "Per voorstelling: hoeveel klassen speelden (een klascode telt één keer per dag) en welke opdrachten ze deden of oversloegen.", "Per show: how many classes played (a class code counts once a day) and which assignments they did or skipped.";
    }
    #[cfg(feature = "voor-de-show")] {
    // Voor de Show, the game (apps/voor-de-show): screens, buttons and the interactions'
    // own words. The assignments' texts come from the content files.
    // The show a class code or a company's preview link brings (`?klas=`, `?voorbeeld=`).
    VdsShowLoading => "De voorstelling wordt geladen...", "Loading the show...";
    VdsShowUnknown => "Deze klascode kennen we niet, of ze is verlopen. Jullie kunnen wel het algemene spel spelen.", "We do not know this class code, or it has expired. You can still play the general game.";
    VdsShowFailed => "De voorstelling kon niet geladen worden. Jullie kunnen wel het algemene spel spelen.", "The show could not be loaded. You can still play the general game.";
    VdsShowBy => "door", "by";
    VdsShowPreview => "Voorbeeld voor het gezelschap: wat je hier doet, telt niet mee.", "Preview for the company: what you do here is not counted.";
    VdsShowImageAlt => "Beeld uit de voorstelling", "Image from the show";
    VdsChooseGrade => "Hoe oud is de klas?", "How old is the class?";
    VdsGrade68 => "6 tot 8 jaar", "6 to 8 years";
    VdsGrade810 => "8 tot 10 jaar", "8 to 10 years";
    VdsGrade1012 => "10 tot 12 jaar", "10 to 12 years";
    VdsNextPlace => "Volgende plek", "Next place";
    VdsToEnd => "Naar het einde", "To the end";
    VdsBack => "Terug", "Back";
    VdsDone => "Klaar", "Done";
    VdsSkip => "Overslaan", "Skip";
    VdsAgain => "Opnieuw", "Again";
    VdsRestart => "Opnieuw beginnen", "Start over";
    VdsRestartConfirm => "Alles wissen en opnieuw beginnen?", "Erase the class's progress and start over?";
    VdsRestartYes => "Ja, wis alles", "Yes, erase it";
    VdsRestartNo => "Nee", "No";
    VdsOtherLanguage => "English", "Nederlands";
    VdsContrast => "Hoog contrast", "High contrast";
    VdsFullscreen => "Volledig scherm", "Fullscreen";
    VdsPlace => "Plek", "Place";
    VdsOf => "van", "of";
    VdsGoal => "Doel", "Goal";
    VdsTeacherSays => "De leerkracht zegt", "The teacher says";
    VdsActivity => "Wat de klas doet", "What the class does";
    VdsMinutes => "minuten", "minutes";
    VdsMarkDone => "klaar", "done";
    VdsMarkSkipped => "overgeslagen", "skipped";
    VdsFinishHere => "Doe of sla eerst de opdrachten hier over.", "First do or skip the assignments here.";
    VdsEndTitle => "Klaar voor de show!", "Ready for the show!";
    VdsEndText => "Jullie kennen het cultuurhuis nu van voor tot achter. Tot in de zaal!", "You now know the cultuurhuis from front to back. See you in the auditorium!";
    VdsToTitle => "Naar het begin", "To the start";
    VdsQuestion => "Vraag", "Question";
    VdsRight => "Juist!", "Right!";
    VdsRightAnswerIs => "Het juiste antwoord is:", "The right answer is:";
    VdsNextQuestion => "Volgende vraag", "Next question";
    VdsQuizDone => "De quiz is klaar. Goed gedaan!", "The quiz is done. Well done!";
    VdsTimerStart => "Starten", "Start";
    VdsTimerPause => "Pauze", "Pause";
    VdsTimerReset => "Opnieuw instellen", "Reset";
    VdsTimeUp => "De tijd is om!", "Time is up!";
    VdsLightColour => "Kleur", "Colour";
    VdsLightStrength => "Sterkte", "Strength";
    VdsMood => "Sfeer", "Mood";
    VdsColourWarm => "Warm geel", "Warm yellow";
    VdsColourBlue => "Koel blauw", "Cool blue";
    VdsColourRed => "Rood", "Red";
    VdsColourGreen => "Groen", "Green";
    VdsColourPurple => "Paars", "Purple";
    VdsBright => "Fel", "Bright";
    VdsSoft => "Zacht", "Soft";
    VdsDim => "Bijna donker", "Almost dark";
    VdsMoodHappy => "vrolijk", "cheerful";
    VdsMoodCalm => "rustig", "calm";
    VdsMoodScary => "eng", "scary";
    VdsMoodExciting => "spannend", "exciting";
    VdsMoodMysterious => "geheimzinnig", "mysterious";
    VdsMoodSleepy => "slaperig", "sleepy";
    VdsMoodDreamy => "dromerig", "dreamy";
    VdsDressHelp => "Sleep kleren naar de acteur. Met toetsen: Tab naar een stuk, Enter pakt het, pijltjes verplaatsen, Enter zet het neer.", "Drag clothes onto the actor. With keys: Tab to a piece, Enter picks it up, arrows move it, Enter puts it down.";
    VdsPropsHelp => "Sleep dingen naar het podium. Met toetsen: Tab naar een ding, Enter pakt het, pijltjes verplaatsen, Enter zet het neer.", "Drag things onto the stage. With keys: Tab to a thing, Enter picks it up, arrows move it, Enter puts it down.";
    VdsOnActor => "Aan de acteur", "On the actor";
    VdsOnStage => "Op het podium", "On the stage";
    VdsNothingYet => "nog niets", "nothing yet";
    VdsItemHat => "Hoed", "Hat";
    VdsItemCrown => "Kroon", "Crown";
    VdsItemCape => "Mantel", "Cloak";
    VdsItemGlasses => "Bril", "Glasses";
    VdsItemScarf => "Sjaal", "Scarf";
    VdsItemNose => "Rode neus", "Red nose";
    VdsItemChair => "Stoel", "Chair";
    VdsItemLamp => "Staande lamp", "Floor lamp";
    VdsItemTree => "Boom", "Tree";
    VdsItemMoon => "Maan", "Moon";
    VdsItemSuitcase => "Koffer", "Suitcase";
    VdsItemLadder => "Trapladder", "Stepladder";
    VdsSoundHelp => "Kies samen geluiden voor jullie decor: elk geluid klinkt als je het kiest, en de ondertitel zegt wat je hoort (ook met het geluid uit). Maak er geluiden bij met de klas!", "Choose sounds for your set together: each sound plays when you choose it, and the subtitle says what you hear (also with the sound off). Add sounds of your own with the class!";
    VdsListen => "Beluister jullie decor", "Listen to your set";
    VdsSoundIsOn => "Geluid: aan", "Sound: on";
    VdsSoundIsOff => "Geluid: uit", "Sound: off";
    VdsCueGong => "gongslag", "gong";
    VdsCueApplause => "applaus", "applause";
    VdsCueChime => "belletje", "chime";
    VdsCueSoftTone => "zachte toon", "soft tone";
    VdsCueBell => "bel", "bell";
    VdsSound => "Geluid", "Sound";
    VdsSoundRain => "regen", "rain";
    VdsSoundWind => "gierende wind", "howling wind";
    VdsSoundOwl => "een uil", "an owl";
    VdsSoundDoor => "een krakende deur", "a creaking door";
    VdsSoundSteps => "voetstappen", "footsteps";
    VdsSoundThunder => "onweer", "thunder";
    VdsSoundBirds => "vogels", "birds";
    VdsSoundSea => "de zee", "the sea";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_a_text_in_every_language() {
        for msg in Msg::ALL {
            for lang in Lang::ALL {
                let text = msg.text(lang);
                assert!(!text.trim().is_empty(), "{msg:?} in {lang:?} is empty");
            }
        }
    }

    #[test]
    fn texts_sit_at_their_keys() {
        assert_eq!(Msg::Loading.text(Lang::Nl), "Even geduld, we laden alles…");
        assert_eq!(Msg::Retry.text(Lang::En), "Try again");
        let last = Msg::ALL[Msg::ALL.len() - 1];
        assert_eq!(last as usize, Msg::ALL.len() - 1);
    }

    #[test]
    fn dutch_differs_from_english_except_for_names() {
        let same: Vec<_> = Msg::ALL
            .iter()
            .filter(|m| m.text(Lang::Nl) == m.text(Lang::En))
            .collect();
        // Only proper names are the same in both languages.
        assert_eq!(
            same,
            [
                &Msg::AppBibsterName,
                &Msg::AppBiebloName,
                &Msg::AppEReaderName
            ]
        );
    }

    #[test]
    fn language_tags_parse_leniently() {
        let cases = [
            ("nl", Some(Lang::Nl)),
            ("nl-BE", Some(Lang::Nl)),
            ("NL_be", Some(Lang::Nl)),
            ("en-GB", Some(Lang::En)),
            ("fr-BE", None),
            ("", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(Lang::from_tag(tag), expected, "{tag}");
        }
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn serialises_as_bcp47_tags() {
        assert_eq!(
            serde_json::to_string(&Lang::Nl).ok().as_deref(),
            Some("\"nl-BE\"")
        );
        assert_eq!(serde_json::from_str::<Lang>("\"en\"").ok(), Some(Lang::En));
    }
}
