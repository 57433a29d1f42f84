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
    /// CASE010: record the lookup. Inserts a call to a [LookupAudit] method of an audit service in scope (a parameter,
    /// field or property whose type has one) just before the statement that makes the lookup, passing the lookup's
    /// subject, a staff member in scope and a reason.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertAuditFix)), Shared]
    public sealed class InsertAuditFix : CodeFixProvider
    {
        internal const string Key = "CASE010.InsertAudit";

        private static readonly FixAllProvider FixAll = StatementInsertion.FixAll(Plan);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.LookupWithoutAudit);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => StatementInsertion.RegisterAsync(context, Plan, _ => Key);

        private static PlannedStatement? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is null || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation lookup
                || StatementInsertion.Anchor(invocation) is not { } anchor
                || ScopeValues.At(model, invocation, anchor, cancellationToken) is not { } scope)
            {
                return null;
            }

            // The subject must already exist where the audit goes.
            var caseModel = CaseModel.GetOrCreate(model.Compilation);
            var subject = Calls.ArgumentFor(lookup, Role.Subject, caseModel)?.Value;
            if (subject is not null && ScopeValues.DeclaredWithin(subject, anchor))
            {
                return null;
            }

            if (scope.FindServiceMethod(Role.LookupAudit) is not { } choice)
            {
                return null;
            }

            var call = scope.Call(choice.Receiver, choice.Method,
                parameter => caseModel.HasRole(parameter, Role.Subject) && subject is not null ? (ExpressionSyntax)subject.Syntax.WithoutTrivia() : null,
                Array.Empty<IOperation>());
            return new PlannedStatement(anchor, SyntaxFactory.ExpressionStatement(call), scope.ReturnsValue,
                FixTitles.Format(CaseRules.LookupWithoutAudit, $"Record the lookup with '{SymbolText.Member(choice.Method)}'"));
        }
    }
}
