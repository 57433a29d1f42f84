using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes.Rules
{
    /// <summary>
    /// Rules of the kind "required on every path" (CASE010 and custom ones): make the call that covers. Inserts a call
    /// to a method of the rule's cover role on a service in scope (a parameter, field or property whose type has one)
    /// just before the statement with the trigger, passing the trigger's argument of the rule's match role (the
    /// lookup's subject), a staff member in scope and a reason.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertCoverCallFix)), Shared]
    public sealed class InsertCoverCallFix : CodeFixProvider
    {
        internal const string Key = "InsertCoverCall";

        private static readonly FixAllProvider FixAll = StatementInsertion.FixAll(Plan);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = FixModel.Ids(RuleIds.LookupWithoutAudit);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => StatementInsertion.RegisterAsync(context, Plan, d => d.Id + "." + Key);

        private static PlannedStatement? Plan(SyntaxNode root, SemanticModel model, CaseModel caseModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!FixModel.IsKind(diagnostic, RuleKind.RequiredOnEveryPath))
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is null || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation trigger
                || StatementInsertion.Anchor(invocation) is not { } anchor
                || ScopeValues.At(caseModel, model, invocation, anchor, cancellationToken) is not { } scope)
            {
                return null;
            }

            // The matched value (the subject) must already exist where the cover goes.
            var match = FixModel.Roles(caseModel, diagnostic, "match");
            var subject = match.IsEmpty ? null : Calls.ArgumentFor(trigger, match, caseModel)?.Value;
            if (subject is not null && ScopeValues.DeclaredWithin(subject, anchor))
            {
                return null;
            }

            if (scope.FindServiceMethod(FixModel.Roles(caseModel, diagnostic, "cover")) is not { } choice)
            {
                return null;
            }

            var call = scope.Call(choice.Receiver, choice.Method,
                parameter => !match.IsEmpty && caseModel.HasRole(parameter, match) && subject is not null ? (ExpressionSyntax)subject.Syntax.WithoutTrivia() : null,
                Array.Empty<IOperation>());
            return new PlannedStatement(anchor, SyntaxFactory.ExpressionStatement(call), scope.ReturnsValue,
                FixTitles.Format(diagnostic, FixTitles.Action(diagnostic, "Call '{call}' on this path", ("call", SymbolText.Member(choice.Method))), caseModel));
        }
    }
}
