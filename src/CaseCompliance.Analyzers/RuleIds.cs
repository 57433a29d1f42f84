namespace CaseCompliance.Analyzers
{
    /// <summary>The public IDs of the built-in rules (SPEC §3). Each has a page at docs/rules/&lt;ID&gt;.md.</summary>
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
    }
}
