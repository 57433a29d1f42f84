using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// An instance of the rule kind "data restricted to purposes": reads of personal data (optionally of one
    /// category) need a declared purpose in scope (<see cref="Undeclared"/>) that is one of the allowed purposes
    /// (<see cref="Outside"/>). The allowed purposes are the rule's own, or else the data's <c>Purposes</c>.
    /// </summary>
    internal sealed class PurposeRule
    {
        public PurposeRule(DiagnosticDescriptor? undeclared, DiagnosticDescriptor outside, string? category = null, ImmutableArray<string> allowedPurposes = default)
        {
            Undeclared = undeclared;
            Outside = outside;
            Category = category;
            AllowedPurposes = allowedPurposes.IsDefault ? ImmutableArray<string>.Empty : allowedPurposes;
        }

        public DiagnosticDescriptor? Undeclared { get; }

        public DiagnosticDescriptor Outside { get; }

        /// <summary>Only data of this category, or all personal data when null.</summary>
        public string? Category { get; }

        /// <summary>The purposes the rule allows; empty means the data's own <c>Purposes</c>.</summary>
        public ImmutableArray<string> AllowedPurposes { get; }
    }

    /// <summary>The rule kind "data restricted to purposes" (CASE001, CASE002 and custom rules of that kind).</summary>
    internal sealed class PurposeRestriction
    {
        /// <summary>Diagnostic property: the purposes the data allows, joined by <see cref="Separator"/>.</summary>
        public const string AllowedPurposesKey = "AllowedPurposes";

        /// <summary>Diagnostic property: the purposes in scope, joined by <see cref="Separator"/>.</summary>
        public const string ScopePurposesKey = "ScopePurposes";

        public const char Separator = ';';

        private readonly CaseModel model;
        private readonly ImmutableArray<PurposeRule> rules;

        public PurposeRestriction(CaseModel model, ImmutableArray<PurposeRule> rules)
        {
            this.model = model;
            this.rules = rules;
        }

        /// <summary>Property, field and invocation operations: one member read each.</summary>
        public void OnMemberRead(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            var member = DataReads.Member(operation);
            if (member is null || model.PersonalDataOf(member) is not { } data)
            {
                return;
            }

            if (DataReads.IsNotARead(operation) || DataReads.IsOwnMember(member, context.ContainingSymbol))
            {
                return;
            }

            Check(context, operation, DataReads.Location(operation), member, data);
        }

        /// <summary>Deconstruction, positional patterns, <c>foreach</c> deconstruction and <c>with</c>: several members at once.</summary>
        public void OnCompositeRead(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            IEnumerable<ISymbol> members;
            Location location;
            if (operation is IWithOperation with)
            {
                members = DataReads.CopiedByWith(with);
                location = with.Operand.Syntax.GetLocation();
            }
            else
            {
                members = DataReads.DeconstructedMembers(operation, out var at);
                if (at is null)
                {
                    return;
                }

                location = at.GetLocation();
            }

            foreach (var member in members)
            {
                // One diagnostic per expression: the first personal-data member that needs one stands for the rest.
                if (model.PersonalDataOf(member) is { } data && !DataReads.IsOwnMember(member, context.ContainingSymbol)
                    && Check(context, operation, location, member, data))
                {
                    return;
                }
            }
        }

        private bool Check(OperationAnalysisContext context, IOperation operation, Location location, ISymbol member, PersonalDataInfo data)
        {
            var scope = model.ScopeAt(operation, context.ContainingSymbol);
            foreach (var rule in rules)
            {
                if (rule.Category is not null && rule.Category != data.Category)
                {
                    continue;
                }

                if (scope.IsEmpty)
                {
                    if (rule.Undeclared is { } undeclared)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(undeclared, location, Properties(data, scope),
                            SymbolText.Member(member), data.Category, SymbolText.Member(context.ContainingSymbol)));
                        return true;
                    }

                    continue;
                }

                var allowed = rule.AllowedPurposes.IsEmpty ? data.Purposes : rule.AllowedPurposes;
                if (!allowed.IsEmpty && !Overlaps(allowed, scope.Purposes))
                {
                    context.ReportDiagnostic(Diagnostic.Create(rule.Outside, location, Properties(data, scope),
                        SymbolText.Member(member), SymbolText.Quoted(allowed), SymbolText.Member(context.ContainingSymbol), SymbolText.Quoted(scope.Purposes)));
                    return true;
                }
            }

            return false;
        }


        private static bool Overlaps(ImmutableArray<string> a, ImmutableArray<string> b)
        {
            foreach (var x in a)
            {
                if (b.Contains(x))
                {
                    return true;
                }
            }

            return false;
        }

        private static ImmutableDictionary<string, string?> Properties(PersonalDataInfo data, PurposeScope scope)
            => ImmutableDictionary<string, string?>.Empty
                .Add(AllowedPurposesKey, string.Join(Separator.ToString(), data.Purposes))
                .Add(ScopePurposesKey, scope.IsEmpty ? string.Empty : string.Join(Separator.ToString(), scope.Purposes));
    }
}
