using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

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

        public PersonalDataInfo WithGround(string ground) => new PersonalDataInfo(Category, Purposes, ground);

        public PersonalDataInfo WithPurposes(ImmutableArray<string> purposes) => new PersonalDataInfo(Category, purposes, Ground);
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
    /// A part of a container's meaning (a type's, a namespace's, an assembly's) that does not reach everything inside it:
    /// a rules-file entry such as "all of T:Legacy.Crm.Customer except P:Legacy.Crm.Customer.CustomerNumber".
    /// </summary>
    public sealed class ExcludingPart
    {
        public ExcludingPart(Func<ISymbol, bool> excludes, Action<MeaningBuilder> apply)
        {
            Excludes = excludes;
            Apply = apply;
        }

        /// <summary>Whether the part does not reach this symbol (or a symbol between it and the container).</summary>
        public Func<ISymbol, bool> Excludes { get; }

        public Action<MeaningBuilder> Apply { get; }
    }

    /// <summary>
    /// What one symbol means, as declared on it (attributes, the rules file, well-known libraries) and, for the
    /// effective meaning, inherited from the members it overrides or implements. Immutable, cached per compilation.
    /// </summary>
    public sealed class SymbolMeaning
    {
        public static readonly SymbolMeaning None = new SymbolMeaning(RoleSet.Empty, null, null, default, default);

        public SymbolMeaning(RoleSet roles, PersonalDataInfo? personalData, PersonalDataInfo? memberPersonalData,
            ImmutableArray<string> processingPurposes, ImmutableArray<LegalBasisInfo> legalBases,
            ImmutableArray<ExcludingPart> excluding = default, MeaningBuilder? direct = null)
        {
            Roles = roles;
            PersonalData = personalData;
            MemberPersonalData = memberPersonalData;
            ProcessingPurposes = processingPurposes;
            LegalBases = legalBases.IsDefault ? ImmutableArray<LegalBasisInfo>.Empty : legalBases;
            Excluding = excluding.IsDefault ? ImmutableArray<ExcludingPart>.Empty : excluding;
            Direct = direct;
        }

        /// <summary>The roles the symbol plays.</summary>
        public RoleSet Roles { get; }

        /// <summary>The symbol (or, for a method, the value it returns) is personal data.</summary>
        public PersonalDataInfo? PersonalData { get; }

        /// <summary>For a type or namespace: every property and field in it is personal data.</summary>
        public PersonalDataInfo? MemberPersonalData { get; }

        /// <summary>The purposes declared on the symbol; default when none is declared here.</summary>
        public ImmutableArray<string> ProcessingPurposes { get; }

        /// <summary>The legal bases declared on the symbol.</summary>
        public ImmutableArray<LegalBasisInfo> LegalBases { get; }

        /// <summary>Parts that reach only some of the symbols inside this one; empty for almost every symbol.</summary>
        public ImmutableArray<ExcludingPart> Excluding { get; }

        /// <summary>What the meaning is without <see cref="Excluding"/>, to rebuild it for one inner symbol.</summary>
        internal MeaningBuilder? Direct { get; }

        public bool HasRole(RoleSet role) => Roles.Overlaps(role);

        public bool IsEmpty => Roles.IsEmpty && PersonalData is null && MemberPersonalData is null
            && ProcessingPurposes.IsDefault && LegalBases.IsEmpty;
    }
}
