//! The header names CRMs and spreadsheets write, and what each one means.
//!
//! Headers are compared as "keys": lower case, accents folded, only letters
//! and digits, so `Chiffre d'affaires`, `chiffre_d_affaires` and
//! `CHIFFRE D'AFFAIRES` meet. The lists come from the documented export
//! columns of HubSpot, Salesforce, Pipedrive, Zoho CRM and Dynamics 365,
//! plus the words people type in English, German, French, Spanish and Dutch.

use super::mapping::Target;

/// A header as a key: lower case, accents folded, letters and digits only.
pub fn key(header: &str) -> String {
    header
        .chars()
        .flat_map(char::to_lowercase)
        .map(fold_accent)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => 's',
        c => c,
    }
}

/// Pipedrive prefixes every column with the record it belongs to
/// ("Organization - Name", "Person - Email - Work"); the rest is the field.
pub fn strip_prefix(header: &str) -> (Option<&'static str>, &str) {
    let lower = header.trim_start().to_lowercase();
    for (prefix, record) in [
        ("organization - ", "organization"),
        ("organisation - ", "organization"),
        ("person - ", "person"),
    ] {
        if lower.starts_with(prefix) {
            // The prefix is ASCII, so its length is a char boundary.
            let rest = header.trim_start().get(prefix.len()..).unwrap_or("");
            return (Some(record), rest);
        }
    }
    (None, header)
}

#[rustfmt::skip]
const CLIENT_NAME: &[&str] = &[
    "client", "clientname", "name", "customer", "customername", "account", "accountname",
    "company", "companyname", "organization", "organisation", "organizationname", "firma",
    "firmenname", "unternehmen", "kunde", "kundenname", "societe", "entreprise",
    "raisonsociale", "nomduclient", "nomdelentreprise", "nomdelasociete", "empresa", "cliente",
    "nombredelcliente", "nombredelaempresa", "razonsocial", "bedrijf", "bedrijfsnaam", "klant",
    "klantnaam", "organisatie",
];
#[rustfmt::skip]
const REVENUE: &[&str] = &[
    "revenue", "annualrevenue", "yearlyrevenue", "revenueperyear", "turnover", "sales",
    "annualsales", "umsatz", "jahresumsatz", "chiffredaffaires", "chiffredaffairesannuel", "ca",
    "ingresos", "ingresosanuales", "facturacion", "facturacionanual", "ventas", "omzet",
    "jaaromzet",
];
#[rustfmt::skip]
const MARGIN: &[&str] = &[
    "margin", "grossmargin", "marginpercent", "marge", "bruttomarge", "deckungsbeitrag",
    "margebrute", "margen", "margenbruto", "brutomarge",
];
#[rustfmt::skip]
const CONTRACT_END: &[&str] = &[
    "contractend", "contractenddate", "contractends", "enddate", "renewal", "renewaldate",
    "renewson", "nextrenewaldate", "vertragsende", "vertragsendedatum", "laufzeitende",
    "vertragslaufzeitbis", "findecontrat", "datedefindecontrat", "echeance",
    "datederenouvellement", "findecontrato", "fechadefindecontrato", "vencimiento",
    "fechaderenovacion", "einddatum", "einddatumcontract", "contracteinddatum",
    "verlengingsdatum",
];
#[rustfmt::skip]
const RELATIONSHIP_START: &[&str] = &[
    "relationshipstart", "customersince", "clientsince", "becameacustomerdate", "kundeseit",
    "clientdepuis", "clientedesde", "klantsinds",
];
#[rustfmt::skip]
const OWNER: &[&str] = &[
    "owner", "accountowner", "companyowner", "salesperson", "accountmanager",
    "keyaccountmanager", "recordowner", "verantwortlicher", "betreuer", "kundenbetreuer",
    "vertriebsmitarbeiter", "responsable", "commercial", "propietario", "vendedor", "comercial",
    "eigenaar", "verantwoordelijke",
];
#[rustfmt::skip]
const TAGS: &[&str] = &[
    "tags", "tag", "labels", "label", "segment", "segments", "schlagworte", "etiketten",
    "etiquettes", "etiquetas",
];
#[rustfmt::skip]
const NOTES: &[&str] = &[
    "notes", "note", "description", "comments", "comment", "notizen", "bemerkungen",
    "beschreibung", "remarques", "commentaires", "notas", "descripcion", "comentarios",
    "opmerkingen", "notities", "omschrijving",
];
#[rustfmt::skip]
const IMPORTANCE: &[&str] = &[
    "importance", "priority", "tier", "accountpriority", "strategicimportance", "prioritat",
    "wichtigkeit", "priorite", "prioridad", "importancia", "prioriteit", "belang",
];
/// The other system's record id: HubSpot and Zoho "Record ID", Salesforce
/// "Account ID" (reports) and "Id" (data export), Pipedrive "ID", Dynamics
/// "(Do Not Modify) Account".
#[rustfmt::skip]
const EXTERNAL_ID: &[&str] = &[
    "recordid", "accountid", "id", "companyid", "organizationid", "donotmodifyaccount",
    "customerid", "clientid", "customernumber", "accountnumber", "kundennummer", "numeroclient",
    "klantnummer", "numerodecliente",
];
#[rustfmt::skip]
const PERSON_NAME: &[&str] = &[
    "fullname", "contactname", "personname", "contact", "nameofcontact", "ansprechpartner",
    "kontakt", "nomcomplet", "nombrecompleto", "contactpersoon", "volledigenaam",
];
#[rustfmt::skip]
const FIRST_NAME: &[&str] = &[
    "firstname", "givenname", "forename", "vorname", "prenom", "nombre", "voornaam",
];
#[rustfmt::skip]
const LAST_NAME: &[&str] = &[
    "lastname", "surname", "familyname", "nachname", "nomdefamille", "nom", "apellido",
    "apellidos", "achternaam",
];
#[rustfmt::skip]
const JOB_TITLE: &[&str] = &[
    "jobtitle", "title", "position", "role", "funktion", "berufsbezeichnung", "poste",
    "fonction", "titre", "cargo", "puesto", "functie", "functietitel",
];
/// In a contacts file, the client the person works for.
#[rustfmt::skip]
const COMPANY: &[&str] = &[
    "company", "companyname", "associatedcompany", "account", "accountname", "organization",
    "organisation", "organizationname", "client", "customer", "firma", "unternehmen", "societe",
    "entreprise", "empresa", "bedrijf", "organisatie",
];
#[rustfmt::skip]
const EMAIL: &[&str] = &[
    "email", "emailaddress", "mail", "emailwork", "workemail", "primaryemail", "courriel",
    "correo", "correoelectronico", "emailadres",
];

/// True when a header names a person (so the file is a contact list).
pub fn is_person_header(header: &str) -> bool {
    let (prefix, rest) = strip_prefix(header);
    let k = key(rest);
    prefix == Some("person")
        || [PERSON_NAME, FIRST_NAME, LAST_NAME]
            .iter()
            .any(|l| l.contains(&k.as_str()))
}

/// What a header means, or `None` when nothing known matches (the column is
/// then ignored and listed). `contacts`: the file lists people, so company
/// columns name the person's client rather than a client to create.
pub fn target_of(header: &str, contacts: bool) -> Option<Target> {
    let (prefix, rest) = strip_prefix(header);
    let k = key(rest);
    let k = k.as_str();
    // Dynamics writes its bookkeeping columns as "(Do Not Modify) …"; only
    // the record's own id ("(Do Not Modify) Account") is worth keeping.
    if key(header).starts_with("donotmodify") {
        return Some(if key(header) == "donotmodifyaccount" && !contacts {
            Target::ExternalId
        } else {
            Target::Ignore
        });
    }
    let is = |list: &[&str]| list.contains(&k);
    if contacts {
        // Pipedrive persons: "Person - Name"; "Person - Organization".
        if prefix == Some("person") && k == "name" {
            return Some(Target::PersonName);
        }
        if prefix == Some("organization") && k == "name" {
            return Some(Target::Company);
        }
        let ordered = [
            (PERSON_NAME, Target::PersonName),
            (FIRST_NAME, Target::FirstName),
            (LAST_NAME, Target::LastName),
            (JOB_TITLE, Target::JobTitle),
            (COMPANY, Target::Company),
            (EMAIL, Target::Email),
            (NOTES, Target::Notes),
        ];
        return ordered.iter().find(|(l, _)| is(l)).map(|(_, t)| *t);
    }
    let ordered = [
        (CLIENT_NAME, Target::ClientName),
        (REVENUE, Target::AnnualRevenue),
        (MARGIN, Target::Margin),
        (CONTRACT_END, Target::ContractEnd),
        (RELATIONSHIP_START, Target::RelationshipStart),
        (OWNER, Target::Owner),
        (TAGS, Target::Tags),
        (NOTES, Target::Notes),
        (IMPORTANCE, Target::Importance),
        (EXTERNAL_ID, Target::ExternalId),
    ];
    ordered.iter().find(|(l, _)| is(l)).map(|(_, t)| *t)
}

/// Which product wrote a header row, from the columns only it writes.
pub fn recognise_source(headers: &[String]) -> Option<&'static str> {
    let keys: Vec<String> = headers.iter().map(|h| key(h)).collect();
    let has = |k: &str| keys.iter().any(|x| x == k);
    let prefixed = |p: &str| headers.iter().any(|h| strip_prefix(h).0 == Some(p));
    if keys.iter().any(|k| k.starts_with("donotmodify")) {
        Some("Microsoft Dynamics 365")
    } else if prefixed("person") {
        Some("Pipedrive people")
    } else if prefixed("organization") {
        Some("Pipedrive organizations")
    } else if has("recordid") && has("accountname") {
        Some("Zoho CRM accounts")
    } else if has("recordid") && has("companyname") && !has("firstname") {
        Some("HubSpot companies")
    } else if has("recordid") && has("firstname") {
        Some("HubSpot contacts")
    } else if has("accountname") && has("accountowner") {
        Some("Salesforce accounts")
    } else if has("id") && has("name") && (has("ownerid") || has("annualrevenue")) {
        Some("Salesforce data export")
    } else {
        None
    }
}
