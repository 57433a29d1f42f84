using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// An instance of the rule kind "conditions in scope of role <see cref="Scope"/> must not read data with a ground"
    /// (CASE040: decision logic must not branch on a protected characteristic). A <c>[LegalBasis]</c> naming the
    /// ground exempts; so does <see cref="ExemptPurpose"/> in scope (statistics).
    /// </summary>
    internal sealed class NoBranchOnRule
    {
        public NoBranchOnRule(DiagnosticDescriptor descriptor, Role scope, string? exemptPurpose)
        {
            Descriptor = descriptor;
            Scope = scope;
            ExemptPurpose = exemptPurpose;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Role Scope { get; }

        public string? ExemptPurpose { get; }
    }

    /// <summary>
    /// The rule kind "no branch on": reports a read of a protected characteristic that decides a condition — an
    /// <c>if</c>, ternary, loop condition, <c>switch</c> value or guard, pattern, <c>&amp;&amp;</c>/<c>||</c> operand, the
    /// predicate or key of a LINQ <c>Where</c>/<c>OrderBy</c>/<c>GroupBy</c>... — also through a local assigned from it
    /// (<c>var older = p.Age &gt; 60; if (older)</c>). Reported on the read.
    /// </summary>
    internal sealed class NoBranchOn
    {
        private readonly CaseModel model;
        private readonly NoBranchOnRule rule;

        public NoBranchOn(CaseModel model, NoBranchOnRule rule)
        {
            this.model = model;
            this.rule = rule;
        }

        /// <summary>
        /// Only decision logic is looked at. A body whose member or type has the scope role has its reads checked;
        /// elsewhere only lambdas and local functions are listened for, and one with the role has the reads of its own
        /// body checked. Everything else costs a role lookup per block.
        /// </summary>
        public void OnBlockStart(OperationBlockStartAnalysisContext context)
        {
            if (model.InRoleScope(context.OwningSymbol, rule.Scope))
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

        /// <summary>A lambda or local function of its own in decision logic, inside a member that is not.</summary>
        private void OnFunction(OperationAnalysisContext context)
        {
            var function = context.Operation switch
            {
                ILocalFunctionOperation local => local.Symbol,
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                _ => null,
            };
            if (function is null || !model.HasRole(function, rule.Scope))
            {
                return;
            }

            for (var outer = context.Operation.Parent; outer is not null; outer = outer.Parent)
            {
                if (outer is ILocalFunctionOperation { Symbol: var o } && model.HasRole(o, rule.Scope)
                    || outer is IAnonymousFunctionOperation { Symbol: var l } && model.HasRole(l, rule.Scope))
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
            if (member is null || model.PersonalDataOf(member) is not { Ground: { } ground } || DataReads.IsNotARead(operation))
            {
                return;
            }

            if (!model.InRoleScope(operation, containing, rule.Scope) || model.LegalBasisAllows(operation, containing, ground)
                || rule.ExemptPurpose is { } exempt && model.ScopeAt(operation, containing).Purposes.Contains(exempt))
            {
                return;
            }

            if (ConditionPositions.Decides(operation))
            {
                report(Diagnostic.Create(rule.Descriptor, DataReads.Location(operation),
                    SymbolText.Member(member), ground, SymbolText.Member(containing)));
            }
        }
    }
}
