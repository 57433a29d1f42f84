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
using CaseCompliance.Analyzers;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes.Rules
{
    /// <summary>
    /// Rules of the kind "data restricted to purposes". Where no purpose is in scope (CASE001): declare one of the
    /// purposes (well-known, then those the rules files declare) on the enclosing member. Where the purposes in scope
    /// are not allowed (CASE002): add a purpose the data allows to the member, or narrow the member to it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclarePurposeFix)), Shared]
    public sealed class DeclarePurposeFix : CodeFixProvider
    {
        private enum Edit
        {
            Declare,
            Add,
            Narrow,
        }

        private static readonly FixAllProvider FixAll = FixAllProvider.Create(FixAllInDocumentAsync);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = FixModel.Ids(RuleIds.UndeclaredPurpose, RuleIds.PurposeMismatch);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var purposeAttribute = model?.Compilation.GetTypeByMetadataName(KnownSymbols.Namespace + ".ProcessingPurposeAttribute");
            if (root is null || model is null || purposeAttribute is null)
            {
                return;
            }

            var caseModel = FixModel.For(context.Document, model);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!FixModel.IsKind(diagnostic, RuleKind.PurposeRestriction))
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (IsUndeclared(diagnostic))
                {
                    if (PurposeSyntax.TargetDeclaration(node, model, purposeAttribute, false, context.CancellationToken) is null)
                    {
                        continue;
                    }

                    // The data's own purposes first when it has some, then every purpose of the catalog.
                    var allowed = Split(diagnostic, DiagnosticKeys.AllowedPurposes).ToList();
                    var declare = new List<CodeAction>();
                    foreach (var purpose in allowed.Concat(caseModel.Purposes.Ordered().Where(p => !allowed.Contains(p))))
                    {
                        declare.Add(Action(context, diagnostic, Edit.Declare, purpose, FixTitles.Format(diagnostic, $"Declare purpose '{purpose}'", caseModel)));
                    }

                    await CompilingFix.RegisterVariantsAsync(context, declare, diagnostic).ConfigureAwait(false);
                }
                else if (PurposeSyntax.TargetDeclaration(node, model, purposeAttribute, true, context.CancellationToken) is { } target)
                {
                    var name = DeclarationName(target);
                    var add = new List<CodeAction>();
                    var narrow = new List<CodeAction>();
                    foreach (var purpose in Split(diagnostic, DiagnosticKeys.AllowedPurposes))
                    {
                        add.Add(Action(context, diagnostic, Edit.Add, purpose, FixTitles.Format(diagnostic, $"Add purpose '{purpose}' to '{name}'", caseModel)));
                        narrow.Add(Action(context, diagnostic, Edit.Narrow, purpose, FixTitles.Format(diagnostic, $"Narrow '{name}' to purpose '{purpose}'", caseModel)));
                    }

                    // Registered in pairs, as before: add, then narrow, for each purpose.
                    if (add.Count > 0 && await CompilingFix.KeepsCompilingAsync(context.Document.Project.Solution, add[0], context.CancellationToken).ConfigureAwait(false)
                        && await CompilingFix.KeepsCompilingAsync(context.Document.Project.Solution, narrow[0], context.CancellationToken).ConfigureAwait(false))
                    {
                        for (var i = 0; i < add.Count; i++)
                        {
                            context.RegisterCodeFix(add[i], diagnostic);
                            context.RegisterCodeFix(narrow[i], diagnostic);
                        }
                    }
                }
            }
        }

        private static CodeAction Action(CodeFixContext context, Diagnostic diagnostic, Edit edit, string purpose, string title)
            => CodeAction.Create(title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), edit, purpose, ct), EquivalenceKey(diagnostic.Id, edit, purpose));

        private static string EquivalenceKey(string id, Edit edit, string purpose) => $"{id}.{edit}Purpose.{purpose}";

        /// <summary>The rule reports reads with no purpose in scope ("report": "undeclared").</summary>
        private static bool IsUndeclared(Diagnostic diagnostic) => diagnostic.Properties.TryGetValue("report", out var report) && report == "undeclared";

        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            // The key says which variant the user chose: "CASE001.DeclarePurpose.case-handling".
            var parts = context.CodeActionEquivalenceKey?.Split(new[] { '.' }, 3);
            if (parts is not { Length: 3 } || !Enum.TryParse<Edit>(parts[1].Replace("Purpose", string.Empty), out var edit))
            {
                return document;
            }

            var matching = diagnostics.Where(d => d.Id == parts[0]).ToImmutableArray();
            return await CompilingFix.FixAllAsync(document, matching, (some, ct) => ApplyAsync(document, some, edit, parts[2], ct), context.CancellationToken).ConfigureAwait(false);
        }

        private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, Edit edit, string purpose, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var purposeAttribute = model?.Compilation.GetTypeByMetadataName(KnownSymbols.Namespace + ".ProcessingPurposeAttribute");
            if (root is null || model is null || purposeAttribute is null)
            {
                return document;
            }

            // One declaration per member, however many reads it has; a declaration on a type covers its members.
            var targets = new Dictionary<SyntaxNode, Diagnostic>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (PurposeSyntax.TargetDeclaration(node, model, purposeAttribute, edit != Edit.Declare, cancellationToken) is { } target && !targets.ContainsKey(target))
                {
                    targets.Add(target, diagnostic);
                }
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var pair in targets)
            {
                var (target, diagnostic) = (pair.Key, pair.Value);
                if (edit == Edit.Declare && target.Ancestors().Any(targets.ContainsKey))
                {
                    continue;
                }

                var existing = PurposeSyntax.FindPurposeAttribute(target, model, purposeAttribute, cancellationToken);
                if (existing is not null)
                {
                    editor.ReplaceNode(existing, Rewrite(existing, edit, purpose, model, cancellationToken));
                    continue;
                }

                IEnumerable<string> purposes = edit == Edit.Add
                    ? Split(diagnostic, DiagnosticKeys.ScopePurposes).Where(p => p != purpose).Append(purpose)
                    : new[] { purpose };
                PurposeSyntax.AddAttribute(editor, target, PurposeSyntax.NewAttribute(purposes));
            }

            return await PurposeSyntax.CleanUpAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
        }

        private static AttributeSyntax Rewrite(AttributeSyntax existing, Edit edit, string purpose, SemanticModel model, CancellationToken cancellationToken)
        {
            if (edit == Edit.Add)
            {
                if (PurposeSyntax.DeclaredPurposes(existing, model, cancellationToken).Contains(purpose))
                {
                    return existing;
                }

                var argument = SyntaxFactory.AttributeArgument(PurposeSyntax.Expression(purpose));
                return existing.ArgumentList is null
                    ? existing.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(argument)))
                    : existing.AddArgumentListArguments(argument);
            }

            // Declare (an empty [ProcessingPurpose] declares nothing) and Narrow both leave exactly one purpose.
            return existing.WithArgumentList(PurposeSyntax.Arguments(new[] { purpose }));
        }

        private static IEnumerable<string> Split(Diagnostic diagnostic, string key) => DiagnosticKeys.Split(diagnostic, key);

        private static string DeclarationName(SyntaxNode declaration) => declaration switch
        {
            MethodDeclarationSyntax m => m.Identifier.ValueText,
            ConstructorDeclarationSyntax c => c.Identifier.ValueText,
            PropertyDeclarationSyntax p => p.Identifier.ValueText,
            IndexerDeclarationSyntax => "this[]",
            BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
            LocalFunctionStatementSyntax l => l.Identifier.ValueText,
            OperatorDeclarationSyntax o => "operator " + o.OperatorToken.ValueText,
            _ => "lambda",
        };
    }
}
