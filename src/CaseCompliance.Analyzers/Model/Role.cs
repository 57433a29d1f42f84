using System;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>The roles a method, parameter or member plays in the agency's duties (SPEC §2).</summary>
    [Flags]
    public enum Role
    {
        None = 0,
        PersonLookup = 1 << 0,
        LookupAudit = 1 << 1,
        Subject = 1 << 2,
        Attestation = 1 << 3,
        Attester = 1 << 4,
        PreparedBy = 1 << 5,
        SecondPartyCheck = 1 << 6,
        Disbursement = 1 << 7,
        AttestationStatus = 1 << 8,
        CaseDecision = 1 << 9,
        ConflictOfInterestCheck = 1 << 10,
        DecisionLogic = 1 << 11,
        DecisionRecord = 1 << 12,
        Reasoning = 1 << 13,
        Redactor = 1 << 14,
        DisclosureSink = 1 << 15,
    }
}
