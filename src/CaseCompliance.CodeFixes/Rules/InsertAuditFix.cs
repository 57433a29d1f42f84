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

        private static readonly FixAllProvider FixAll = FixAllProvider.Create(
            async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.LookupWithoutAudit);

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
                        CodeAction.Create(
                            FixTitles.Format(CaseRules.LookupWithoutAudit, $"Record the lookup with '{SymbolText.Member(plan.Method)}'"),
                            ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                            Key),
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

            // One audit per subject at each place, however many lookups share it.
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

                var text = plan.Statement.NormalizeWhitespace().ToFullString();
                if (entry.Seen.Add(text))
                {
                    entry.Statements.Add(plan.Statement);
                }
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var pair in byAnchor)
            {
                StatementInsertion.InsertBefore(editor, pair.Key, pair.Value.Statements, pair.Value.ReturnsValue);
            }

            return await PurposeSyntax.CleanUpAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
        }

        private sealed class AuditPlan
        {
            public AuditPlan(SyntaxNode anchor, StatementSyntax statement, IMethodSymbol method, bool returnsValue)
            {
                Anchor = anchor;
                Statement = statement;
                Method = method;
                ReturnsValue = returnsValue;
            }

            public SyntaxNode Anchor { get; }

            public StatementSyntax Statement { get; }

            public IMethodSymbol Method { get; }

            public bool ReturnsValue { get; }
        }

        private static AuditPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
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
            return new AuditPlan(anchor, SyntaxFactory.ExpressionStatement(call), choice.Method, scope.ReturnsValue);
        }
    }
}
