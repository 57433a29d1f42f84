using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using CaseCompliance.Analyzers;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes.Rules
{
    /// <summary>
    /// The kind "known name", CASE003 (unknown purpose) and CASE041 (unknown ground): replace the string with the
    /// closest known value, or with any known one — well-known ones as their constant (<c>Purposes.Statistics</c>,
    /// <c>Grounds.Age</c>), those the rules files declare as strings.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceUnknownNameFix)), Shared]
    public sealed class ReplaceUnknownNameFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnknownPurpose, RuleIds.UnknownGround);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <summary>Fix-all with this key replaces each unknown value with its own closest match.</summary>
        internal static string ClosestKey(string id) => id + ".ReplaceWithClosest";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return;
            }

            var caseModel = FixModel.For(context.Document, model);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression
                    || !FixModel.IsKind(diagnostic, RuleKind.KnownName))
                {
                    continue;
                }

                var isPurpose = !(diagnostic.Properties.TryGetValue("catalog", out var which) && which == "grounds");
                var catalog = isPurpose ? caseModel.Purposes : caseModel.Grounds;
                diagnostic.Properties.TryGetValue(DiagnosticKeys.Suggestion, out var closest);
                var actions = new List<CodeAction>();
                if (closest is not null)
                {
                    actions.Add(Action(context.Document, root, expression, catalog, diagnostic, caseModel, closest, ClosestKey(diagnostic.Id)));
                }

                foreach (var value in catalog.Ordered())
                {
                    if (value != closest)
                    {
                        var key = diagnostic.Id + (isPurpose ? ".ReplacePurpose." : ".ReplaceGround.") + value;
                        actions.Add(Action(context.Document, root, expression, catalog, diagnostic, caseModel, value, key));
                    }
                }

                // The variants differ only in the name written: one that compiles stands for all of them.
                await CompilingFix.RegisterVariantsAsync(context, actions, diagnostic).ConfigureAwait(false);
            }
        }

        private static CodeAction Action(Document document, SyntaxNode root, ExpressionSyntax expression, NameCatalog catalog, Diagnostic diagnostic, CaseModel caseModel, string value, string key)
            => CodeAction.Create(
                FixTitles.Format(diagnostic, $"Replace with '{value}'", caseModel),
                ct => ReplaceAsync(document, root, expression, catalog, value, ct),
                key);

        private static Task<Document> ReplaceAsync(Document document, SyntaxNode root, ExpressionSyntax expression, NameCatalog catalog, string value, CancellationToken cancellationToken)
        {
            var replacement = PurposeSyntax.Expression(catalog, value).WithTriviaFrom(expression);
            return PurposeSyntax.CleanUpAsync(document.WithSyntaxRoot(root.ReplaceNode(expression, replacement)), cancellationToken);
        }
    }
}
