using System;

namespace CaseCompliance
{
    /// <summary>
    /// Marks code that decides entitlement, amounts or outcomes. Its conditions must not read a
    /// <see cref="ProtectedCharacteristicAttribute"/> without a <see cref="LegalBasisAttribute"/> (rule CASE040).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class DecisionLogicAttribute : Attribute
    {
    }

    /// <summary>
    /// Names the statute that makes a distinction on the given grounds lawful, for example
    /// <c>[LegalBasis("SFB 15 kap. 2 §", Grounds.Age)]</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
    public sealed class LegalBasisAttribute : Attribute
    {
        /// <summary>Names the statute and the grounds it allows to distinguish on.</summary>
        /// <param name="reference">The statute, e.g. "SFB 15 kap. 2 §".</param>
        /// <param name="grounds">Values of <see cref="CaseCompliance.Grounds"/>.</param>
        public LegalBasisAttribute(string reference, params string[] grounds)
        {
            Reference = reference;
            Grounds = grounds ?? new string[0];
        }

        /// <summary>The statute.</summary>
        public string Reference { get; }

        /// <summary>The grounds the statute allows to distinguish on.</summary>
        public string[] Grounds { get; }
    }

    /// <summary>
    /// Marks a decision communicated to the individual. It must be created with a non-empty
    /// <see cref="ReasoningAttribute"/> member (rule CASE050).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
    public sealed class DecisionRecordAttribute : Attribute
    {
    }

    /// <summary>Marks the statement of reasons (motivering) of a <see cref="DecisionRecordAttribute"/> type.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class ReasoningAttribute : Attribute
    {
    }
}

namespace CaseCompliance
{
    /// <summary>Placeholders for a decision's reasons that cannot pass for real ones.</summary>
    public static class DecisionReasons
    {
        /// <summary>
        /// Stands in for reasons not yet written. The compiler warns wherever it is used (it is obsolete on purpose),
        /// and it throws if it ever runs, so a decision can never go out with an empty reason.
        /// </summary>
        /// <param name="whatToExplain">What the reasons must explain.</param>
        /// <returns>Never returns.</returns>
        /// <exception cref="System.NotImplementedException">Always.</exception>
        [System.Obsolete("Write the reasons for this decision: every decision states why (SJP-MOTIVERING, SJP-FORKLARA).")]
        public static string Missing(string whatToExplain)
            => throw new System.NotImplementedException("The reasons for this decision are missing: " + whatToExplain);
    }
}
