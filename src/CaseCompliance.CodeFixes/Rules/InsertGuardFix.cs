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
        private static readonly FixAllProvider FixAll = FixAllProvider.Create(
            async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.DisbursementWithoutAttestation, RuleIds.DecisionWithoutConflictCheck);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Plan(root, model, diagnostic, context.CancellationToken) is { } plan)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(plan.Title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct), diagnostic.Id + ".InsertGuard"),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            // One guard of each text at each place, however many calls share it.
            var byAnchor = new Dictionary<SyntaxNode, (List<StatementSyntax> Statements, HashSet<string> Seen, bool ReturnsValue)>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (Plan(root, model, diagnostic, cancellationToken) is not { } plan)
                {
                    continue;
                }

                if (!byAnchor.TryGetValue(plan.Anchor, out var entry))
                {
                    entry = (new List<StatementSyntax>(), new HashSet<string>(), plan.ReturnsValue);
                    byAnchor.Add(plan.Anchor, entry);
                }

                if (entry.Seen.Add(plan.Guard.NormalizeWhitespace().ToFullString()))
                {
                    entry.Statements.Add(plan.Guard);
                }
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var pair in byAnchor)
            {
                StatementInsertion.InsertBefore(editor, pair.Key, pair.Value.Statements, pair.Value.ReturnsValue);
            }

            return await PurposeSyntax.CleanUpAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
        }

        private sealed class GuardPlan
        {
            public GuardPlan(SyntaxNode anchor, StatementSyntax guard, string title, bool returnsValue)
            {
                Anchor = anchor;
                Guard = guard;
                Title = title;
                ReturnsValue = returnsValue;
            }

            public SyntaxNode Anchor { get; }

            public StatementSyntax Guard { get; }

            public string Title { get; }

            public bool ReturnsValue { get; }
        }

        private static GuardPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
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
        private static GuardPlan? AttestationGuard(CaseModel caseModel, SyntaxNode anchor, List<IOperation> arguments, ScopeValues scope)
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
                        return new GuardPlan(anchor, Simplify(guard), FixTitles.Format(CaseRules.DisbursementWithoutAttestation, "Check the attestation before paying out"), scope.ReturnsValue);
                    }
                }
            }

            return null;
        }

        /// <summary><c>checker.EnsureImpartial(officer, @case);</c> or <c>if (!checker.IsImpartial(officer, @case)) throw ...;</c>.</summary>
        private static GuardPlan? ConflictCheck(CaseModel caseModel, SyntaxNode anchor, List<IOperation> arguments, ScopeValues scope)
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

            return new GuardPlan(anchor, guard, title, scope.ReturnsValue);
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
