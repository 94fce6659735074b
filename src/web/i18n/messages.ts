// All text in the web shell. Bokmål is the source: its keys define the
// `MessageKey` type, and the English dictionary must have exactly the same
// keys (a missing or extra key is a type error).
// `{name}` placeholders are filled in by `t(key, { name })`.

export const nb = {
  'app.name': 'Knutepunkt',
  'app.skipToMain': 'Hopp til hovedinnhold',
  'app.loadingPage': 'Laster inn siden …',
  'app.loading': 'Laster …',

  'nav.label': 'Hovedmeny',
  'nav.menuButton': 'Meny',
  'nav.home': 'Forside',
  'nav.findService': 'Finn tjeneste',
  'nav.audit': 'Revisjonslogg',
  'nav.users': 'Brukere',
  'nav.reassignments': 'Omfordeling',

  'language.label': 'Språk',

  'auth.signIn': 'Logg inn',
  'auth.signOut': 'Logg ut',
  'auth.signedInAs': 'Innlogget som',

  'footer.accessibility': 'Tilgjengelighetserklæring',
  'footer.openSource': 'Knutepunkt er åpen kildekode.',

  'status.planned': 'Kommer',
  'status.available': 'Tilgjengelig',

  'module.organisation.name': 'Organisasjon',
  'module.organisation.summary':
    'Enhetene, stillingene, personene og rapporteringslinjene i hele kommunen, på alle nivåer fra kommunedirektøren og ned.',
  'module.places.name': 'Steder og tjenester',
  'module.places.summary':
    'Kommunedeler, lokale knutepunkter og tjenestesteder, og en tjenestekatalog der innbyggerne kan finne riktig tjeneste.',
  'module.leader-support.name': 'Lederstøtte',
  'module.leader-support.summary':
    'Én digital dør inn for ledere som trenger hjelp. Henvendelsene følges opp i første, andre og tredje linje.',
  'module.portfolio.name': 'Portefølje',
  'module.portfolio.summary':
    'Utviklingstiltak som besluttes og prioriteres samlet, med en felles ressurspool og oppfølging av gevinstene.',
  'module.steering.name': 'Styring',
  'module.steering.summary': 'Mål, felles indikatorer, politiske vedtak, budsjettets programområder og rapporter, samlet på ett sted.',
  'module.pagesNotBuilt': 'Modulens data og tjenester er på plass, men sidene for den er ikke laget ennå.',
  'module.backHome': 'Tilbake til forsiden',

  'home.title': 'Velkommen til Knutepunkt',
  'home.documentTitle': 'Forside',
  'home.lead':
    'Knutepunkt samler organisasjon, steder og tjenester, lederstøtte, portefølje og styring i ett sammenhengende system. Alle delene bygger på det samme bildet av organisasjonen, så det som registreres ett sted, kan brukes i de andre.',
  'home.underDevelopment': 'Knutepunkt er under utvikling. Moduler merket «Kommer» er ikke bygget ennå.',
  'home.demoMode': 'Dette er en demoversjon med oppdiktede data.',
  'home.modulesHeading': 'Moduler',

  'signIn.title': 'Logg inn',
  'signIn.intro': 'Logg inn med brukernavn og passord.',
  'signIn.username': 'Brukernavn',
  'signIn.password': 'Passord',
  'signIn.submit': 'Logg inn',
  'signIn.usernameRequired': 'Skriv inn brukernavnet ditt.',
  'signIn.passwordRequired': 'Skriv inn passordet ditt.',
  'signIn.demoHeading': 'Demokontoer',
  'signIn.demoIntro': 'Løsningen kjører i demomodus med oppdiktede data. Du kan logge inn med en av kontoene under.',
  'signIn.demoPassword': 'Passord for alle demokontoene:',
  'signIn.demoCaption': 'Demokontoer og rollene deres',
  'signIn.demoUsername': 'Brukernavn',
  'signIn.demoRole': 'Rolle',
  'signIn.withProvider': 'Logg inn med {name}',
  'signIn.withPassword': 'Logg inn med brukernavn og passord',
  'signIn.refused.state_mismatch':
    'Innloggingen kunne ikke fullføres fordi den var startet før, er utløpt eller ble brukt to ganger. Prøv igjen.',
  'signIn.refused.access_denied':
    'Innloggingstjenesten avviste innloggingen, eller du avbrøt den. Prøv igjen, eller kontakt brukerstøtte hvis du mener du skal ha tilgang.',
  'signIn.refused.provider_error': 'Innloggingstjenesten meldte en feil. Prøv igjen om litt.',
  'signIn.refused.provider_unavailable': 'Vi fikk ikke kontakt med innloggingstjenesten. Prøv igjen om litt.',
  'signIn.refused.wrong_audience': 'Innloggingen var utstedt til en annen tjeneste enn Knutepunkt og ble avvist.',
  'signIn.refused.unknown_issuer': 'Innloggingen kom fra en innloggingstjeneste Knutepunkt ikke stoler på, og ble avvist.',
  'signIn.refused.expired': 'Innloggingen var utløpt. Prøv igjen; sjekk at klokka på maskinen stemmer hvis det gjentar seg.',
  'signIn.refused.issued_in_future': 'Innloggingen var datert fram i tid og ble avvist. Sjekk klokka og prøv igjen.',
  'signIn.refused.bad_signature': 'Innloggingen hadde en ugyldig signatur og ble avvist.',
  'signIn.refused.nonce_mismatch': 'Innloggingen hørte ikke til dette forsøket og ble avvist. Prøv igjen.',
  'signIn.refused.invalid_token': 'Innloggingen kunne ikke kontrolleres og ble avvist. Prøv igjen.',
  'signIn.refused.disabled': 'Brukeren din er deaktivert i Knutepunkt. Kontakt en administrator.',
  'signIn.refused.not_configured': 'Innlogging gjennom kommunens innloggingstjeneste er ikke satt opp her.',
  'signIn.refused.invalid_credentials': 'Feil brukernavn eller passord.',
  'signIn.refused.password_sign_in_closed': 'Innlogging med passord er slått av for denne brukeren.',

  'role.administrator': 'Administrator',
  'role.organisation_editor': 'Redaktør for organisasjonen',
  'role.leader': 'Leder',
  'role.employee': 'Ansatt',
  'role.first_line_agent': 'Førstelinje i lederstøtte',
  'role.second_line_agent': 'Andrelinje i lederstøtte',
  'role.analyst': 'Analytiker',
  'role.portfolio_board_member': 'Medlem av porteføljestyret',

  'audit.title': 'Revisjonslogg',
  'audit.intro': 'Revisjonsloggen viser hvem som har endret hva i Knutepunkt, og når.',
  'audit.filters': 'Filtrer hendelsene',
  'audit.entityType': 'Objekttype',
  'audit.action': 'Handling',
  'audit.actor': 'Utført av (navn)',
  'audit.from': 'Fra dato',
  'audit.to': 'Til dato',
  'audit.apply': 'Bruk filter',
  'audit.reset': 'Nullstill',
  'audit.invalidRange': 'Til-datoen kan ikke være før fra-datoen.',
  'audit.loading': 'Laster revisjonsloggen …',
  'audit.caption': 'Hendelser i revisjonsloggen',
  'audit.colTime': 'Tidspunkt',
  'audit.colActor': 'Utført av',
  'audit.colAction': 'Handling',
  'audit.colEntity': 'Objekt',
  'audit.colChanges': 'Endringer',
  'audit.system': 'Systemet',
  'audit.showChanges': 'Vis endringer',
  'audit.changedFields': 'Endrede felt: {fields}',
  'audit.before': 'Før',
  'audit.after': 'Etter',
  'audit.noValue': 'Ingen verdi',
  'audit.requestId': 'Forespørsels-ID: {id}',
  'audit.empty': 'Ingen hendelser passer med filteret.',
  'audit.summary': 'Viser {first}–{last} av {total} hendelser',
  'audit.pagination': 'Sider i revisjonsloggen',
  'pagination.previous': 'Forrige',
  'pagination.next': 'Neste',
  'pagination.page': 'Side {page}',

  'forbidden.title': 'Ingen tilgang',
  'forbidden.body': 'Du har ikke tilgang til denne siden. Kontakt en administrator hvis du mener at du burde ha tilgang.',

  'notFound.title': 'Fant ikke siden',
  'notFound.body': 'Siden du leter etter, finnes ikke, eller den er flyttet.',

  'error.title': 'Noe gikk galt',
  'error.network': 'Fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
  'error.unexpected': 'Tjenesten svarte med en uventet feil (status {status}).',
  'error.generic': 'Noe gikk galt. Prøv igjen, eller last inn siden på nytt.',
  'error.retry': 'Prøv igjen',

  'a11y.title': 'Tilgjengelighetserklæring',
  'a11y.intro':
    '{municipality} vil at alle skal kunne bruke Knutepunkt, også de som bruker skjermleser, forstørrelse, bare tastatur eller andre hjelpemidler.',
  'a11y.requirementHeading': 'Kravene vi følger',
  'a11y.requirementBody':
    'Offentlige virksomheter i Norge skal følge retningslinjene for tilgjengelig innhold på nett, WCAG 2.1, på nivå A og AA. Kravet står i forskrift om universell utforming av IKT-løsninger. Knutepunkt er laget for å oppfylle disse kravene.',
  'a11y.statusHeading': 'Status',
  'a11y.statusBody':
    'Knutepunkt er under utvikling. Vi kjenner ikke til brudd på kravene i dag, men vi har ennå ikke gjort en fullstendig gjennomgang av hele løsningen. Det kan derfor finnes feil vi ikke har oppdaget.',
  'a11y.testingHeading': 'Slik tester vi',
  'a11y.testingAutomated':
    'Automatiske nettlesertester sjekker hver side med verktøyet axe mot kravene i WCAG 2.1 A og AA hver gang koden endres.',
  'a11y.testingKeyboard': 'Vi prøver løsningen med bare tastatur og sjekker at du alltid ser hvor du er på siden.',
  'a11y.testingDesignSystem':
    'Vi bygger på Designsystemet, de felles komponentene for offentlig sektor, som er laget med tanke på universell utforming.',
  'a11y.testingLimits': 'Automatiske tester finner bare en del av feilene. Derfor er det viktig for oss å høre fra deg.',
  'a11y.reportHeading': 'Meld fra om problemer',
  'a11y.reportBody':
    'Hvis noe i Knutepunkt ikke fungerer for deg, vil vi gjerne vite det. Ta kontakt med {municipality}. Fortell hva du prøvde å gjøre, hvilken side du var på, og hvilket hjelpemiddel du eventuelt brukte.',
  'a11y.supervisionHeading': 'Tilsyn',
  'a11y.supervisionBody':
    'Tilsynet for universell utforming av IKT (Uutilsynet) fører tilsyn med at offentlige virksomheter følger kravene. Hvis du ikke får svar fra kommunen, eller ikke er fornøyd med svaret, kan du melde fra til Uutilsynet.',
  'a11y.supervisionLink': 'Les mer og meld fra på uutilsynet.no',
  'a11y.municipalityFallback': 'Kommunen',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof nb;
export type Messages = Record<MessageKey, string>;

export const en: Messages = {
  'app.name': 'Knutepunkt',
  'app.skipToMain': 'Skip to main content',
  'app.loadingPage': 'Loading page …',
  'app.loading': 'Loading …',

  'nav.label': 'Main menu',
  'nav.menuButton': 'Menu',
  'nav.home': 'Home',
  'nav.findService': 'Find a service',
  'nav.audit': 'Audit log',
  'nav.users': 'Users',
  'nav.reassignments': 'Reassignment',

  'language.label': 'Language',

  'auth.signIn': 'Sign in',
  'auth.signOut': 'Sign out',
  'auth.signedInAs': 'Signed in as',

  'footer.accessibility': 'Accessibility statement',
  'footer.openSource': 'Knutepunkt is open source.',

  'status.planned': 'Coming',
  'status.available': 'Available',

  'module.organisation.name': 'Organisation',
  'module.organisation.summary':
    'The units, positions, people and reporting lines of the whole municipality, on every level from the chief municipal executive down.',
  'module.places.name': 'Places and services',
  'module.places.summary':
    'Districts, local hubs and service locations, and a service catalogue where residents can find the right service.',
  'module.leader-support.name': 'Leader support',
  'module.leader-support.summary':
    'One digital door in for leaders who need help. Requests are followed up by the first, second and third line.',
  'module.portfolio.name': 'Portfolio',
  'module.portfolio.summary':
    'Development initiatives decided and prioritised together, with a shared resource pool and follow-up of their benefits.',
  'module.steering.name': 'Steering',
  'module.steering.summary': 'Goals, shared indicators, political decisions, budget programme areas and reports, in one place.',
  'module.pagesNotBuilt': "The module's data and services are in place, but its pages have not been built yet.",
  'module.backHome': 'Back to the home page',

  'home.title': 'Welcome to Knutepunkt',
  'home.documentTitle': 'Home',
  'home.lead':
    'Knutepunkt brings organisation, places and services, leader support, portfolio and steering together in one coherent system. All parts build on the same picture of the organisation, so what is recorded in one place can be used in the others.',
  'home.underDevelopment': 'Knutepunkt is under development. Modules marked “Coming” have not been built yet.',
  'home.demoMode': 'This is a demo version with made-up data.',
  'home.modulesHeading': 'Modules',

  'signIn.title': 'Sign in',
  'signIn.intro': 'Sign in with your username and password.',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.usernameRequired': 'Enter your username.',
  'signIn.passwordRequired': 'Enter your password.',
  'signIn.demoHeading': 'Demo accounts',
  'signIn.demoIntro': 'The solution is running in demo mode with made-up data. You can sign in with one of the accounts below.',
  'signIn.demoPassword': 'Password for all demo accounts:',
  'signIn.demoCaption': 'Demo accounts and their roles',
  'signIn.demoUsername': 'Username',
  'signIn.demoRole': 'Role',
  'signIn.withProvider': 'Sign in with {name}',
  'signIn.withPassword': 'Sign in with username and password',
  'signIn.refused.state_mismatch':
    'The sign-in could not be completed: it was started earlier, has expired or was used twice. Please try again.',
  'signIn.refused.access_denied':
    'The identity provider refused the sign-in, or you cancelled it. Try again, or contact support if you should have access.',
  'signIn.refused.provider_error': 'The identity provider reported an error. Please try again shortly.',
  'signIn.refused.provider_unavailable': 'We could not reach the identity provider. Please try again shortly.',
  'signIn.refused.wrong_audience': 'The sign-in was issued to another service than Knutepunkt and was refused.',
  'signIn.refused.unknown_issuer': 'The sign-in came from an identity provider Knutepunkt does not trust, and was refused.',
  'signIn.refused.expired': "The sign-in had expired. Try again; check your computer's clock if it happens again.",
  'signIn.refused.issued_in_future': 'The sign-in was dated in the future and was refused. Check the clock and try again.',
  'signIn.refused.bad_signature': 'The sign-in had an invalid signature and was refused.',
  'signIn.refused.nonce_mismatch': 'The sign-in did not belong to this attempt and was refused. Please try again.',
  'signIn.refused.invalid_token': 'The sign-in could not be verified and was refused. Please try again.',
  'signIn.refused.disabled': 'Your user is disabled in Knutepunkt. Contact an administrator.',
  'signIn.refused.not_configured': "Sign-in through the municipality's identity provider is not set up here.",
  'signIn.refused.invalid_credentials': 'Wrong username or password.',
  'signIn.refused.password_sign_in_closed': 'Password sign-in is switched off for this user.',

  'role.administrator': 'Administrator',
  'role.organisation_editor': 'Organisation editor',
  'role.leader': 'Leader',
  'role.employee': 'Employee',
  'role.first_line_agent': 'First line, leader support',
  'role.second_line_agent': 'Second line, leader support',
  'role.analyst': 'Analyst',
  'role.portfolio_board_member': 'Portfolio board member',

  'audit.title': 'Audit log',
  'audit.intro': 'The audit log shows who changed what in Knutepunkt, and when.',
  'audit.filters': 'Filter the events',
  'audit.entityType': 'Entity type',
  'audit.action': 'Action',
  'audit.actor': 'Performed by (name)',
  'audit.from': 'From date',
  'audit.to': 'To date',
  'audit.apply': 'Apply filters',
  'audit.reset': 'Reset',
  'audit.invalidRange': 'The to date cannot be before the from date.',
  'audit.loading': 'Loading the audit log …',
  'audit.caption': 'Events in the audit log',
  'audit.colTime': 'Time',
  'audit.colActor': 'Performed by',
  'audit.colAction': 'Action',
  'audit.colEntity': 'Entity',
  'audit.colChanges': 'Changes',
  'audit.system': 'The system',
  'audit.showChanges': 'Show changes',
  'audit.changedFields': 'Changed fields: {fields}',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.noValue': 'No value',
  'audit.requestId': 'Request ID: {id}',
  'audit.empty': 'No events match the filters.',
  'audit.summary': 'Showing {first}–{last} of {total} events',
  'audit.pagination': 'Audit log pages',
  'pagination.previous': 'Previous',
  'pagination.next': 'Next',
  'pagination.page': 'Page {page}',

  'forbidden.title': 'No access',
  'forbidden.body': 'You do not have access to this page. Contact an administrator if you think you should have access.',

  'notFound.title': 'Page not found',
  'notFound.body': 'The page you are looking for does not exist, or it has been moved.',

  'error.title': 'Something went wrong',
  'error.network': 'Could not reach the service. Check your connection and try again.',
  'error.unexpected': 'The service responded with an unexpected error (status {status}).',
  'error.generic': 'Something went wrong. Try again, or reload the page.',
  'error.retry': 'Try again',

  'a11y.title': 'Accessibility statement',
  'a11y.intro':
    '{municipality} wants everyone to be able to use Knutepunkt, including people who use a screen reader, magnification, only a keyboard or other assistive technology.',
  'a11y.requirementHeading': 'The requirements we follow',
  'a11y.requirementBody':
    'Public bodies in Norway must follow the Web Content Accessibility Guidelines, WCAG 2.1, at levels A and AA. The requirement is set out in the Norwegian regulation on universal design of ICT solutions. Knutepunkt is built to meet these requirements.',
  'a11y.statusHeading': 'Status',
  'a11y.statusBody':
    'Knutepunkt is under development. We know of no breaches of the requirements today, but we have not yet reviewed the whole solution in full. There may therefore be problems we have not found.',
  'a11y.testingHeading': 'How we test',
  'a11y.testingAutomated':
    'Automated browser tests check every page with the axe tool against the WCAG 2.1 A and AA criteria every time the code changes.',
  'a11y.testingKeyboard': 'We try the solution using only a keyboard and check that you can always see where you are on the page.',
  'a11y.testingDesignSystem':
    'We build on Designsystemet, the shared components for the Norwegian public sector, which are designed with universal design in mind.',
  'a11y.testingLimits': 'Automated tests find only some of the problems. That is why hearing from you matters to us.',
  'a11y.reportHeading': 'Report a problem',
  'a11y.reportBody':
    'If something in Knutepunkt does not work for you, we want to know. Contact {municipality}. Tell us what you were trying to do, which page you were on and, if relevant, which assistive technology you used.',
  'a11y.supervisionHeading': 'Supervision',
  'a11y.supervisionBody':
    'The Norwegian Authority for Universal Design of ICT (Uutilsynet) supervises that public bodies follow the requirements. If you get no answer from the municipality, or are not satisfied with the answer, you can report the problem to Uutilsynet.',
  'a11y.supervisionLink': 'Read more and report a problem on uutilsynet.no',
  'a11y.municipalityFallback': 'The municipality',
};
