using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes.Rules
{
    /// <summary>
    /// CASE022: check the payment's attestation status before paying out. CASE030: call a conflict-of-interest check
    /// before deciding. Both insert the missing guard just before the statement with the call.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertGuardFix)), Shared]
    public sealed class InsertGuardFix : CodeFixProvider
    {
        private static readonly FixAllProvider FixAll = StatementInsertion.FixAll(Plan);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.DisbursementWithoutAttestation, RuleIds.DecisionWithoutConflictCheck);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
            => StatementInsertion.RegisterAsync(context, Plan, diagnostic => diagnostic.Id + ".InsertGuard");

        private static PlannedStatement? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is null || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation call
                || StatementInsertion.Anchor(invocation) is not { } anchor
                || ScopeValues.At(model, invocation, anchor, cancellationToken) is not { } scope)
            {
                return null;
            }

            var caseModel = CaseModel.GetOrCreate(model.Compilation);
            var arguments = call.Arguments.Select(a => a.Value).Where(v => !ScopeValues.DeclaredWithin(v, anchor)).ToList();
            return diagnostic.Id == RuleIds.DisbursementWithoutAttestation
                ? AttestationGuard(caseModel, anchor, arguments, scope)
                : ConflictCheck(caseModel, anchor, arguments, scope);
        }

        /// <summary><c>if (!payment.IsAttested) throw ...;</c> from a bool [AttestationStatus] member of an argument.</summary>
        private static PlannedStatement? AttestationGuard(CaseModel caseModel, SyntaxNode anchor, List<IOperation> arguments, ScopeValues scope)
        {
            foreach (var argument in arguments)
            {
                var value = argument;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value is not (ILocalReferenceOperation or IParameterReferenceOperation or IMemberReferenceOperation) || value.Type is null)
                {
                    continue;
                }

                for (var type = value.Type; type is not null && type.SpecialType == SpecialType.None; type = type.BaseType)
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member.IsStatic || !caseModel.HasRole(member, Role.AttestationStatus))
                        {
                            continue;
                        }

                        ExpressionSyntax? status = member switch
                        {
                            IPropertySymbol { Type.SpecialType: SpecialType.System_Boolean } or IFieldSymbol { Type.SpecialType: SpecialType.System_Boolean }
                                => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, (ExpressionSyntax)value.Syntax.WithoutTrivia(), SyntaxFactory.IdentifierName(member.Name)),
                            IMethodSymbol { Parameters.Length: 0, ReturnType.SpecialType: SpecialType.System_Boolean }
                                => SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                                    (ExpressionSyntax)value.Syntax.WithoutTrivia(), SyntaxFactory.IdentifierName(member.Name))),
                            _ => null,
                        };
                        if (status is null)
                        {
                            continue;
                        }

                        var guard = SyntaxFactory.IfStatement(
                            SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, SyntaxFactory.ParenthesizedExpression(status).WithoutTrivia()),
                            SyntaxFactory.Block(ScopeValues.Throw("The payment has not been attested by a second party: no one alone can attest a payment (EK-SKATT-1).")));
                        return new PlannedStatement(anchor, Simplify(guard), scope.ReturnsValue, FixTitles.Format(CaseRules.DisbursementWithoutAttestation, "Check the attestation before paying out"));
                    }
                }
            }

            return null;
        }

        /// <summary><c>checker.EnsureImpartial(officer, @case);</c> or <c>if (!checker.IsImpartial(officer, @case)) throw ...;</c>.</summary>
        private static PlannedStatement? ConflictCheck(CaseModel caseModel, SyntaxNode anchor, List<IOperation> arguments, ScopeValues scope)
        {
            if (scope.FindServiceMethod(Role.ConflictOfInterestCheck) is not { } choice)
            {
                return null;
            }

            var check = scope.Call(choice.Receiver, choice.Method, _ => null, arguments);
            var title = FixTitles.Format(CaseRules.DecisionWithoutConflictCheck, $"Check for conflicts of interest with '{Analyzers.Engine.SymbolText.Member(choice.Method)}' before deciding");
            var returnsBool = Analyzers.Engine.Conditions.ReturnsBool(choice.Method);
            StatementSyntax guard = !returnsBool
                ? SyntaxFactory.ExpressionStatement(check)
                : SyntaxFactory.IfStatement(
                    SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, Parenthesize(check)),
                    SyntaxFactory.Block(ScopeValues.Throw("Conflict of interest (jäv): the officer may not decide this case (EK-SAKLIG-2).")));
            if (returnsBool && LooksNegative(choice.Method.Name))
            {
                // HasConflict(...) says true when the check fails.
                guard = SyntaxFactory.IfStatement(check,
                    SyntaxFactory.Block(ScopeValues.Throw("Conflict of interest (jäv): the officer may not decide this case (EK-SAKLIG-2).")));
            }

            return new PlannedStatement(anchor, guard, scope.ReturnsValue, title);
        }

        private static bool LooksNegative(string name)
        {
            var lower = name.ToLowerInvariant();
            return lower.Contains("conflict") && !lower.Contains("no") || lower.Contains("disqualif") || lower.Contains("biased") || lower.Contains("jav") && lower.StartsWith("has", StringComparison.Ordinal);
        }

        private static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
            => expression is InvocationExpressionSyntax or AwaitExpressionSyntax ? expression : SyntaxFactory.ParenthesizedExpression(expression);

        private static StatementSyntax Simplify(IfStatementSyntax guard)
            => guard.Condition is PrefixUnaryExpressionSyntax { Operand: ParenthesizedExpressionSyntax { Expression: MemberAccessExpressionSyntax or InvocationExpressionSyntax } inner } not
                ? guard.WithCondition(not.WithOperand(inner.Expression))
                : guard;
    }
}
