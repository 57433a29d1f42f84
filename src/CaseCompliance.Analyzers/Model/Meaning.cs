using System.Collections.Immutable;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>That a value is personal data: its category and the only purposes it may be processed for.</summary>
    public sealed class PersonalDataInfo
    {
        public PersonalDataInfo(string category, ImmutableArray<string> purposes, string? ground = null)
        {
            Category = category;
            Purposes = purposes.IsDefault ? ImmutableArray<string>.Empty : purposes;
            Ground = ground;
        }

        /// <summary>The data category (<c>DataCategories</c> or a custom one).</summary>
        public string Category { get; }

        /// <summary>The only purposes it may be processed for; empty means any declared purpose.</summary>
        public ImmutableArray<string> Purposes { get; }

        /// <summary>The ground of discrimination when the data is a protected characteristic.</summary>
        public string? Ground { get; }
    }

    /// <summary>A <c>[LegalBasis]</c>: a statute and the grounds it allows to distinguish on.</summary>
    public sealed class LegalBasisInfo
    {
        public LegalBasisInfo(string reference, ImmutableArray<string> grounds)
        {
            Reference = reference;
            Grounds = grounds;
        }

        public string Reference { get; }

        public ImmutableArray<string> Grounds { get; }
    }

    /// <summary>
    /// What one symbol means, as declared on it (attributes, later the rules file) and, for the effective
    /// meaning, inherited from the members it overrides or implements. Immutable, cached per compilation.
    /// </summary>
    public sealed class SymbolMeaning
    {
        public static readonly SymbolMeaning None = new SymbolMeaning(Role.None, null, null, default, default);

        public SymbolMeaning(Role roles, PersonalDataInfo? personalData, PersonalDataInfo? memberPersonalData,
            ImmutableArray<string> processingPurposes, ImmutableArray<LegalBasisInfo> legalBases)
        {
            Roles = roles;
            PersonalData = personalData;
            MemberPersonalData = memberPersonalData;
            ProcessingPurposes = processingPurposes;
            LegalBases = legalBases.IsDefault ? ImmutableArray<LegalBasisInfo>.Empty : legalBases;
        }

        /// <summary>The roles the symbol plays.</summary>
        public Role Roles { get; }

        /// <summary>The symbol (or, for a method, the value it returns) is personal data.</summary>
        public PersonalDataInfo? PersonalData { get; }

        /// <summary>For a type: every property and field of the type is personal data.</summary>
        public PersonalDataInfo? MemberPersonalData { get; }

        /// <summary>The purposes declared on the symbol; default when none is declared here.</summary>
        public ImmutableArray<string> ProcessingPurposes { get; }

        /// <summary>The legal bases declared on the symbol.</summary>
        public ImmutableArray<LegalBasisInfo> LegalBases { get; }

        public bool HasRole(Role role) => (Roles & role) == role && role != Role.None;

        public bool IsEmpty => Roles == Role.None && PersonalData is null && MemberPersonalData is null
            && ProcessingPurposes.IsDefault && LegalBases.IsEmpty;
    }
}
