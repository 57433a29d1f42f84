using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;
using CaseCompliance.Analyzers.RulesFile;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// An instance of the rule kind "conditions in scope of role <see cref="Scope"/> must not read this data"
    /// (CASE040: decision logic must not branch on a protected characteristic). A <c>[LegalBasis]</c> naming the
    /// data's ground exempts (unless <c>legalBasisExempts</c> is false); so does one of <see cref="ExemptPurposes"/> in scope.
    /// </summary>
    internal sealed class NoBranchOnRule
    {
        private static readonly DataSpec AnyGround = new DataSpec(ImmutableArray<NameReference>.Empty,
            ImmutableArray.Create(new NameReference("*", default)), ImmutableArray<NameReference>.Empty);

        public NoBranchOnRule(CompiledRule rule, CaseModel model)
        {
            Rule = rule;
            Scope = rule.RoleParameter("scope");
            Data = new DataSelector(rule.Data("data", AnyGround), model);
            ExemptPurposes = rule.Names("exemptPurposes");
            LegalBasisExempts = rule.Flag("legalBasisExempts", true);
        }

        public CompiledRule Rule { get; }

        public RoleSet Scope { get; }

        public DataSelector Data { get; }

        public ImmutableArray<string> ExemptPurposes { get; }

        public bool LegalBasisExempts { get; }
    }

    /// <summary>
    /// The rule kind "no branch on": reports a read of the rule's data that decides a condition — an <c>if</c>,
    /// ternary, loop condition, <c>switch</c> value or guard, pattern, <c>&amp;&amp;</c>/<c>||</c> operand, the predicate or
    /// key of a LINQ <c>Where</c>/<c>OrderBy</c>/<c>GroupBy</c>... — also through a local assigned from it
    /// (<c>var older = p.Age &gt; 60; if (older)</c>). Reported on the read. One host serves every rule of the kind.
    /// </summary>
    internal sealed class NoBranchOn
    {
        private readonly CaseModel model;
        private readonly ImmutableArray<NoBranchOnRule> rules;
        private readonly RoleSet scopes;

        public NoBranchOn(CaseModel model, ImmutableArray<NoBranchOnRule> rules)
        {
            this.model = model;
            this.rules = rules;
            foreach (var rule in rules)
            {
                scopes = scopes.Union(rule.Scope);
            }
        }

        /// <summary>
        /// Only code in a rule's scope is looked at. A body whose member or container has a scope role has its reads
        /// checked; elsewhere only lambdas and local functions are listened for, and one with the role has the reads of
        /// its own body checked. Everything else costs a role lookup per block.
        /// </summary>
        public void OnBlockStart(OperationBlockStartAnalysisContext context)
        {
            if (model.InRoleScope(context.OwningSymbol, scopes))
            {
                context.RegisterOperationAction(OnRead,
                    OperationKind.PropertyReference, OperationKind.FieldReference, OperationKind.Invocation, OperationKind.ParameterReference);
            }
            else
            {
                context.RegisterOperationAction(OnFunction, OperationKind.LocalFunction, OperationKind.AnonymousFunction);
            }
        }

        private void OnRead(OperationAnalysisContext context)
            => Check(context.Operation, context.ContainingSymbol, context.ReportDiagnostic);

        /// <summary>A lambda or local function of its own in scope, inside a member that is not.</summary>
        private void OnFunction(OperationAnalysisContext context)
        {
            var function = context.Operation switch
            {
                ILocalFunctionOperation local => local.Symbol,
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                _ => null,
            };
            if (function is null || !model.HasRole(function, scopes))
            {
                return;
            }

            for (var outer = context.Operation.Parent; outer is not null; outer = outer.Parent)
            {
                if (outer is ILocalFunctionOperation { Symbol: var o } && model.HasRole(o, scopes)
                    || outer is IAnonymousFunctionOperation { Symbol: var l } && model.HasRole(l, scopes))
                {
                    return; // the outer function's walk covers this one
                }
            }

            foreach (var operation in context.Operation.Descendants())
            {
                if (operation.Kind is OperationKind.PropertyReference or OperationKind.FieldReference or OperationKind.Invocation or OperationKind.ParameterReference)
                {
                    Check(operation, context.ContainingSymbol, context.ReportDiagnostic);
                }
            }
        }

        private void Check(IOperation operation, ISymbol containing, System.Action<Diagnostic> report)
        {
            var member = operation is IParameterReferenceOperation parameter ? parameter.Parameter : DataReads.Member(operation);
            if (member is null || model.PersonalDataOf(member) is not { } data || DataReads.IsNotARead(operation))
            {
                return;
            }

            bool? decides = null;
            foreach (var rule in rules)
            {
                if (!rule.Data.Matches(data, member, model) || !model.InRoleScope(operation, containing, rule.Scope))
                {
                    continue;
                }

                var ground = data.Ground ?? data.Category;
                if (rule.LegalBasisExempts && data.Ground is not null && model.LegalBasisAllows(operation, containing, data.Ground)
                    || !rule.ExemptPurposes.IsEmpty && Overlaps(model.ScopeAt(operation, containing).Purposes, rule.ExemptPurposes))
                {
                    continue;
                }

                decides ??= ConditionPositions.Decides(operation);
                if (decides == true)
                {
                    report(rule.Rule.Create(DataReads.Location(operation), SymbolText.Member(member), ground, SymbolText.Member(containing)));
                }
            }
        }

        private static bool Overlaps(ImmutableArray<string> a, ImmutableArray<string> b)
        {
            if (a.IsDefaultOrEmpty)
            {
                return false;
            }

            foreach (var x in a)
            {
                if (b.Contains(x))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
