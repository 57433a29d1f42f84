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
    /// CASE003 (unknown purpose) and CASE041 (unknown ground): replace the string with the closest known value, or
    /// with any well-known one, as its constant (<c>Purposes.Statistics</c>, <c>Grounds.Age</c>).
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

            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
                {
                    continue;
                }

                var isPurpose = diagnostic.Id == RuleIds.UnknownPurpose;
                var catalog = isPurpose ? NameCatalog.Purposes : NameCatalog.Grounds;
                var rule = isPurpose ? CaseRules.UnknownPurpose : CaseRules.UnknownGround;
                diagnostic.Properties.TryGetValue(CatalogStrings.SuggestionKey, out var closest);
                if (closest is not null)
                {
                    context.RegisterCodeFix(Action(context.Document, root, expression, catalog, rule, closest, ClosestKey(diagnostic.Id)), diagnostic);
                }

                foreach (var (_, value) in catalog.WellKnown)
                {
                    if (value != closest)
                    {
                        var key = diagnostic.Id + (isPurpose ? ".ReplacePurpose." : ".ReplaceGround.") + value;
                        context.RegisterCodeFix(Action(context.Document, root, expression, catalog, rule, value, key), diagnostic);
                    }
                }
            }
        }

        private static CodeAction Action(Document document, SyntaxNode root, ExpressionSyntax expression, NameCatalog catalog, DiagnosticDescriptor rule, string value, string key)
            => CodeAction.Create(
                FixTitles.Format(rule, $"Replace with '{value}'"),
                ct => ReplaceAsync(document, root, expression, catalog, value, ct),
                key);

        private static Task<Document> ReplaceAsync(Document document, SyntaxNode root, ExpressionSyntax expression, NameCatalog catalog, string value, CancellationToken cancellationToken)
        {
            var replacement = PurposeSyntax.Expression(catalog, value).WithTriviaFrom(expression);
            return PurposeSyntax.CleanUpAsync(document.WithSyntaxRoot(root.ReplaceNode(expression, replacement)), cancellationToken);
        }
    }
}
