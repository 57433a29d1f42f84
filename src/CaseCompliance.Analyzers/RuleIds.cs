namespace CaseCompliance.Analyzers
{
    /// <summary>The public IDs of the built-in rules (SPEC §3), the custom range and the rules-file errors (SPEC §4). Each has a page under docs/rules.</summary>
    public static class RuleIds
    {
        public const string UndeclaredPurpose = "CASE001";
        public const string PurposeMismatch = "CASE002";
        public const string UnknownPurpose = "CASE003";
        public const string LookupWithoutAudit = "CASE010";
        public const string AuditOtherSubject = "CASE011";
        public const string AuditFailureSwallowed = "CASE012";
        public const string AttestedByPreparer = "CASE020";
        public const string AttestationWithoutCheck = "CASE021";
        public const string DisbursementWithoutAttestation = "CASE022";
        public const string DecisionWithoutConflictCheck = "CASE030";
        public const string ProtectedCharacteristicInDecision = "CASE040";
        public const string UnknownGround = "CASE041";
        public const string DecisionWithoutReasoning = "CASE050";
        public const string DisclosedToSink = "CASE060";

        /// <summary>The first ID of the range custom rules take theirs from (SPEC §4).</summary>
        public const int CustomFirst = 100;

        /// <summary>The last ID of the custom range.</summary>
        public const int CustomLast = 199;

        public const string RulesFileInvalidJson = "CASE900";
        public const string RulesFileSchema = "CASE901";
        public const string RulesFileUnmatchedId = "CASE902";
        public const string RulesFileEmptyExclusion = "CASE903";
        public const string RulesFileUndeclaredName = "CASE904";
        public const string RulesFileConflict = "CASE905";
        public const string RulesFileInvalidRuleId = "CASE906";
        public const string RulesFileDuplicateRuleId = "CASE907";
        public const string RulesFileUnknownKind = "CASE908";
        public const string RulesFileMissingParameter = "CASE909";
        public const string RulesFileUnknownPlaceholder = "CASE910";
        public const string RulesFileUnknownGuideline = "CASE911";

        /// <summary>"CASE100" for 100.</summary>
        public static string Custom(int number) => "CASE" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Whether an ID is in the custom range CASE100-CASE199.</summary>
        public static bool IsCustom(string id)
            => id.Length == 7 && id.StartsWith("CASE", System.StringComparison.Ordinal) && id[4] == '1' && id[5] is >= '0' and <= '9' && id[6] is >= '0' and <= '9';
    }
}
