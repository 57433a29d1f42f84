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
        /// Only bodies in decision logic are looked at: the member or a type around it has the scope role, or the body
        /// declares an attributed local function or lambda (which may have it). Everything else costs one check.
        /// </summary>
        public void OnBlockStart(OperationBlockStartAnalysisContext context)
        {
            if (!model.InRoleScope(context.OwningSymbol, rule.Scope) && !HasAttributedFunction(context.OperationBlocks))
            {
                return;
            }

            context.RegisterOperationAction(OnRead,
                OperationKind.PropertyReference, OperationKind.FieldReference, OperationKind.Invocation, OperationKind.ParameterReference);
        }

        private static bool HasAttributedFunction(System.Collections.Immutable.ImmutableArray<IOperation> blocks)
        {
            foreach (var block in blocks)
            {
                foreach (var node in block.Syntax.DescendantNodes())
                {
                    if (node is Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax { AttributeLists.Count: > 0 }
                        || node is Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedLambdaExpressionSyntax { AttributeLists.Count: > 0 })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        public void OnRead(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            var member = operation is IParameterReferenceOperation parameter ? parameter.Parameter : DataReads.Member(operation);
            if (member is null || model.PersonalDataOf(member) is not { Ground: { } ground } || DataReads.IsNotARead(operation))
            {
                return;
            }

            var containing = context.ContainingSymbol;
            if (!model.InRoleScope(operation, containing, rule.Scope) || model.LegalBasisAllows(operation, containing, ground)
                || rule.ExemptPurpose is { } exempt && model.ScopeAt(operation, containing).Purposes.Contains(exempt))
            {
                return;
            }

            if (ConditionPositions.Decides(operation))
            {
                context.ReportDiagnostic(Diagnostic.Create(rule.Descriptor, DataReads.Location(operation),
                    SymbolText.Member(member), ground, SymbolText.Member(containing)));
            }
        }
    }
}
