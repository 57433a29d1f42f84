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
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes.Rules
{
    /// <summary>
    /// Rules of the kind "guard before call" (CASE022, CASE030 and custom ones): insert the missing guard just before
    /// the statement with the call — a check of a member of the rule's status role of an argument
    /// (<c>if (!payment.IsAttested) throw ...;</c>), else a call to a method of its cover role on a service in scope,
    /// tested when it returns bool.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertGuardFix)), Shared]
    public sealed class InsertGuardFix : CodeFixProvider
    {
        private static readonly FixAllProvider FixAll = StatementInsertion.FixAll(Plan);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            FixModel.Ids(RuleIds.DisbursementWithoutAttestation, RuleIds.DecisionWithoutConflictCheck);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
            => StatementInsertion.RegisterAsync(context, Plan, diagnostic => diagnostic.Id + ".InsertGuard");

        private static PlannedStatement? Plan(SyntaxNode root, SemanticModel model, CaseModel caseModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!FixModel.IsKind(diagnostic, RuleKind.GuardBefore))
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is null || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation call
                || StatementInsertion.Anchor(invocation) is not { } anchor
                || ScopeValues.At(caseModel, model, invocation, anchor, cancellationToken) is not { } scope)
            {
                return null;
            }

            var arguments = call.Arguments.Select(a => a.Value).Where(v => !ScopeValues.DeclaredWithin(v, anchor)).ToList();
            // A rule with a status is guarded by checking it (paying out after inserting an attestation would attest
            // without a person); a rule without one by calling its cover.
            var status = FixModel.Roles(caseModel, diagnostic, "status");
            return status.IsEmpty ? CoverCall(caseModel, diagnostic, anchor, arguments, scope) : StatusGuard(caseModel, diagnostic, status, anchor, arguments, scope);
        }

        /// <summary><c>if (!payment.IsAttested) throw ...;</c> from a bool member of the status role of an argument.</summary>
        private static PlannedStatement? StatusGuard(CaseModel caseModel, Diagnostic diagnostic, RoleSet status, SyntaxNode anchor, List<IOperation> arguments, ScopeValues scope)
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
                        if (member.IsStatic || !caseModel.HasRole(member, status))
                        {
                            continue;
                        }

                        ExpressionSyntax? check = member switch
                        {
                            IPropertySymbol { Type.SpecialType: SpecialType.System_Boolean } or IFieldSymbol { Type.SpecialType: SpecialType.System_Boolean }
                                => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, (ExpressionSyntax)value.Syntax.WithoutTrivia(), SyntaxFactory.IdentifierName(member.Name)),
                            IMethodSymbol { Parameters.Length: 0, ReturnType.SpecialType: SpecialType.System_Boolean }
                                => SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                                    (ExpressionSyntax)value.Syntax.WithoutTrivia(), SyntaxFactory.IdentifierName(member.Name))),
                            _ => null,
                        };
                        if (check is null)
                        {
                            continue;
                        }

                        var guard = SyntaxFactory.IfStatement(
                            SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, SyntaxFactory.ParenthesizedExpression(check).WithoutTrivia()),
                            SyntaxFactory.Block(ScopeValues.Throw(Message(diagnostic, $"'{member.Name}' does not hold"))));
                        return new PlannedStatement(anchor, Simplify(guard), scope.ReturnsValue,
                            FixTitles.Format(diagnostic, FixTitles.Action(diagnostic, "Check '{member}' before the call", ("member", member.Name)), caseModel));
                    }
                }
            }

            return null;
        }

        /// <summary><c>checker.EnsureImpartial(officer, @case);</c> or <c>if (!checker.IsImpartial(officer, @case)) throw ...;</c>.</summary>
        private static PlannedStatement? CoverCall(CaseModel caseModel, Diagnostic diagnostic, SyntaxNode anchor, List<IOperation> arguments, ScopeValues scope)
        {
            if (scope.FirstCall(FixModel.Roles(caseModel, diagnostic, "cover"), _ => null, arguments) is not { } found)
            {
                return null; // no check in reach whose arguments the scope can fill
            }

            var (choice, check) = found;
            var title = FixTitles.Format(diagnostic, FixTitles.Action(diagnostic, "Call '{call}' before the call", ("call", SymbolText.Member(choice.Method))), caseModel);
            var returnsBool = Conditions.ReturnsBool(choice.Method);
            var message = Message(diagnostic, $"'{SymbolText.Member(choice.Method)}' did not pass");
            StatementSyntax guard = !returnsBool
                ? SyntaxFactory.ExpressionStatement(check)
                : SyntaxFactory.IfStatement(
                    SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, Parenthesize(check)),
                    SyntaxFactory.Block(ScopeValues.Throw(message)));
            if (returnsBool && FailsWhenTrue(diagnostic, choice.Method.Name))
            {
                // HasConflict(...) says true when the check fails.
                guard = SyntaxFactory.IfStatement(check, SyntaxFactory.Block(ScopeValues.Throw(message)));
            }

            return new PlannedStatement(anchor, guard, scope.ReturnsValue, title);
        }

        /// <summary>Whether a bool check's name says true means failed, by the rule's failingCheckNames and passingCheckNames.</summary>
        private static bool FailsWhenTrue(Diagnostic diagnostic, string name)
        {
            foreach (var passing in DiagnosticKeys.Split(diagnostic, "passingCheckNames"))
            {
                if (Analyzers.RulesFile.DocIdPattern.Glob(passing, name, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            foreach (var failing in DiagnosticKeys.Split(diagnostic, "failingCheckNames"))
            {
                if (Analyzers.RulesFile.DocIdPattern.Glob(failing, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The rule's fixMessage, else a message that names what failed and the rule.</summary>
        private static string Message(Diagnostic diagnostic, string what)
            => diagnostic.Properties.TryGetValue("fixMessage", out var message) && message is not null ? message : what + " (" + RejectEqualFix.Cite(diagnostic) + ").";

        private static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
            => expression is InvocationExpressionSyntax or AwaitExpressionSyntax ? expression : SyntaxFactory.ParenthesizedExpression(expression);

        private static StatementSyntax Simplify(IfStatementSyntax guard)
            => guard.Condition is PrefixUnaryExpressionSyntax { Operand: ParenthesizedExpressionSyntax { Expression: MemberAccessExpressionSyntax or InvocationExpressionSyntax } inner } not
                ? guard.WithCondition(not.WithOperand(inner.Expression))
                : guard;
    }
}
