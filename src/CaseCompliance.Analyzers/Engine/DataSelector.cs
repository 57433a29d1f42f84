using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using CaseCompliance.Analyzers.Model;
using CaseCompliance.Analyzers.RulesFile;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// Which personal data a rule is about: any, or data of some categories, some grounds (<c>*</c>: any protected
    /// characteristic), or held by members of some roles. Every list given must match.
    /// </summary>
    internal sealed class DataSelector
    {
        private readonly ImmutableArray<string> categories;
        private readonly ImmutableArray<string> grounds;
        private readonly RoleSet roles;
        private readonly bool anyGround;

        public DataSelector(DataSpec spec, CaseModel model)
        {
            categories = RulesSet.Names(spec.Categories);
            grounds = RulesSet.Names(spec.Grounds);
            anyGround = grounds.Contains("*");
            roles = model.Roles.Set(RulesSet.Names(spec.Roles));
            IsAny = categories.IsEmpty && grounds.IsEmpty && spec.Roles.IsEmpty;
        }

        public bool IsAny { get; }

        /// <summary>Whether the data a symbol holds is what the rule is about.</summary>
        public bool Matches(PersonalDataInfo data, ISymbol holder, CaseModel model)
        {
            if (!categories.IsEmpty && !categories.Contains(data.Category))
            {
                return false;
            }

            if (!grounds.IsEmpty && (data.Ground is null || !anyGround && !grounds.Contains(data.Ground)))
            {
                return false;
            }

            return roles.IsEmpty || model.HasRole(holder, roles);
        }
    }
}
