namespace CaseCompliance
{
    /// <summary>
    /// Well-known categories of personal data, for <see cref="PersonalDataAttribute"/>.
    /// Custom categories are allowed when they are declared in the rules file.
    /// </summary>
    public static class DataCategories
    {
        /// <summary>Who a person is: personnummer, name.</summary>
        public const string Identity = "identity";

        /// <summary>How to reach a person: address, phone, e-mail.</summary>
        public const string Contact = "contact";

        /// <summary>Health data: diagnoses, medical certificates, sick leave (a special category under GDPR art. 9).</summary>
        public const string Health = "health";

        /// <summary>Income, bank account, payments.</summary>
        public const string Financial = "financial";

        /// <summary>Family relations: children, spouse, household.</summary>
        public const string Family = "family";

        /// <summary>Case records: diarienummer, case notes.</summary>
        public const string CaseRecord = "case-record";

        /// <summary>Protected personal data (skyddade personuppgifter): addresses and identities under secrecy marking.</summary>
        public const string ProtectedIdentity = "protected-identity";
    }

    /// <summary>
    /// Well-known processing purposes, from the agency's published list of purposes
    /// ("Då får vi bara behandla personuppgifterna för vissa ändamål", guideline UPP-ANDAMAL).
    /// Custom purposes are allowed when they are declared in the rules file.
    /// </summary>
    public static class Purposes
    {
        /// <summary>Handling insurance cases (handlägga ärenden).</summary>
        public const string CaseHandling = "case-handling";

        /// <summary>Controls against incorrect payments and benefit fraud (motverka felaktiga utbetalningar och bidragsbrott).</summary>
        public const string FraudPrevention = "fraud-prevention";

        /// <summary>Informing about social insurance (informera om socialförsäkringen).</summary>
        public const string Information = "information";

        /// <summary>Planning, steering and evaluating the agency's work (planera, styra och utvärdera).</summary>
        public const string PlanningAndEvaluation = "planning-and-evaluation";

        /// <summary>Producing statistics (ta fram statistik).</summary>
        public const string Statistics = "statistics";

        /// <summary>Disclosing data to other agencies (lämna ut uppgifter till andra myndigheter).</summary>
        public const string Disclosure = "disclosure";
    }

    /// <summary>
    /// The grounds of discrimination of Diskrimineringslagen (2008:567), for
    /// <see cref="ProtectedCharacteristicAttribute"/> and <see cref="LegalBasisAttribute"/>.
    /// </summary>
    public static class Grounds
    {
        /// <summary>Sex (kön).</summary>
        public const string Sex = "sex";

        /// <summary>Transgender identity or expression (könsöverskridande identitet eller uttryck).</summary>
        public const string GenderIdentity = "gender-identity";

        /// <summary>Ethnicity (etnisk tillhörighet).</summary>
        public const string Ethnicity = "ethnicity";

        /// <summary>Religion or other belief (religion eller annan trosuppfattning).</summary>
        public const string Religion = "religion";

        /// <summary>Disability (funktionsnedsättning).</summary>
        public const string Disability = "disability";

        /// <summary>Sexual orientation (sexuell läggning).</summary>
        public const string SexualOrientation = "sexual-orientation";

        /// <summary>Age (ålder).</summary>
        public const string Age = "age";
    }
}
