using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// An instance of the rule kind "data restricted to purposes": reads of the rule's data need a declared purpose in
    /// scope (<c>"report": "undeclared"</c>, CASE001) that is one of the allowed purposes (<c>"report": "outside"</c>,
    /// CASE002). The allowed purposes are the rule's own, or else the data's <c>Purposes</c>.
    /// </summary>
    internal sealed class PurposeRule
    {
        public PurposeRule(CompiledRule rule, CaseModel model)
        {
            Rule = rule;
            Undeclared = rule.Word("report") == "undeclared";
            Data = new DataSelector(rule.Data("data", RulesFile.DataSpec.Any), model);
            AllowedPurposes = rule.Names("purposes");
            ExemptDeclaringType = rule.Flag("exemptDeclaringType", true);
        }

        public CompiledRule Rule { get; }

        /// <summary>Reports reads with no purpose in scope; otherwise reads whose purposes in scope are not allowed.</summary>
        public bool Undeclared { get; }

        public DataSelector Data { get; }

        /// <summary>The purposes the rule allows; empty means the data's own <c>Purposes</c>.</summary>
        public ImmutableArray<string> AllowedPurposes { get; }

        /// <summary>The type that declares a member may read it.</summary>
        public bool ExemptDeclaringType { get; }
    }

    /// <summary>The rule kind "data restricted to purposes" (CASE001, CASE002 and custom rules of that kind).</summary>
    internal sealed class PurposeRestriction
    {
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

            if (DataReads.IsNotARead(operation))
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
                if (model.PersonalDataOf(member) is { } data && Check(context, operation, location, member, data))
                {
                    return;
                }
            }
        }

        private bool Check(OperationAnalysisContext context, IOperation operation, Location location, ISymbol member, PersonalDataInfo data)
        {
            PurposeScope? scope = null;
            bool? own = null;
            var reported = false;
            foreach (var rule in rules)
            {
                if (!rule.Data.Matches(data, member, model)
                    || rule.ExemptDeclaringType && (own ??= DataReads.IsOwnMember(member, context.ContainingSymbol)))
                {
                    continue;
                }

                var inScope = scope ??= model.ScopeAt(operation, context.ContainingSymbol);
                var code = Calls.EnclosingFunctionSymbol(operation) ?? context.ContainingSymbol;
                var allowed = rule.AllowedPurposes.IsEmpty ? data.Purposes : rule.AllowedPurposes;
                if (rule.Undeclared)
                {
                    if (inScope.IsEmpty)
                    {
                        context.ReportDiagnostic(rule.Rule.Create(location, null, Properties(allowed, inScope),
                            SymbolText.Member(member), data.Category, SymbolText.Member(code), SymbolText.Quoted(allowed), string.Empty));
                        reported = true;
                    }
                }
                else if (!inScope.IsEmpty && !allowed.IsEmpty && !Overlaps(allowed, inScope.Purposes))
                {
                    context.ReportDiagnostic(rule.Rule.Create(location, null, Properties(allowed, inScope),
                        SymbolText.Member(member), data.Category, SymbolText.Member(inScope.DeclaredOn is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } f ? f : code), SymbolText.Quoted(allowed), SymbolText.Quoted(inScope.Purposes)));
                    reported = true;
                }
            }

            return reported;
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

        private static ImmutableDictionary<string, string?> Properties(ImmutableArray<string> allowed, PurposeScope scope)
            => ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticKeys.AllowedPurposes, string.Join(DiagnosticKeys.Separator.ToString(), allowed))
                .Add(DiagnosticKeys.ScopePurposes, scope.IsEmpty ? string.Empty : string.Join(DiagnosticKeys.Separator.ToString(), scope.Purposes));
    }
}
