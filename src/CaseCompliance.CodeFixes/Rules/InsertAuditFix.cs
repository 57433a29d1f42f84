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
                || StatementInsertion.Anchor(invocation) is not { } anchor)
            {
                return null;
            }

            var caseModel = CaseModel.GetOrCreate(model.Compilation);
            var function = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken) as IMethodSymbol;
            if (function is null)
            {
                return null;
            }

            // The subject must already exist where the audit goes.
            var subject = Calls.ArgumentFor(lookup, Role.Subject, caseModel)?.Value;
            if (subject is not null && DeclaredWithin(subject, anchor))
            {
                return null;
            }

            // Symbols visible at the lookup; locals only when declared before the place the audit goes.
            var position = anchor.SpanStart;
            var inScope = model.LookupSymbols(invocation.SpanStart).Where(s => IsUsableAt(s, position, function)).ToList();
            var isAsync = function.IsAsync;
            var choice = ChooseAuditMethod(caseModel, model, inScope, function, isAsync);
            if (choice is null)
            {
                return null;
            }

            var (receiver, method) = choice.Value;
            var arguments = Arguments(method, subject, inScope, receiver, model, function);
            ExpressionSyntax call = SyntaxFactory.InvocationExpression(
                receiver is null
                    ? SyntaxFactory.IdentifierName(method.Name)
                    : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Receiver(receiver, inScope), SyntaxFactory.IdentifierName(method.Name)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));
            if (isAsync && IsAwaitable(method.ReturnType))
            {
                call = SyntaxFactory.AwaitExpression(call);
            }

            var returnsValue = !(function.ReturnsVoid || isAsync && function.ReturnType is INamedTypeSymbol { Arity: 0 });
            return new AuditPlan(anchor, SyntaxFactory.ExpressionStatement(call), method, returnsValue);
        }

        /// <summary>An audit service in scope (parameter, field, property, or this type) and its [LookupAudit] method.</summary>
        private static (ISymbol? Receiver, IMethodSymbol Method)? ChooseAuditMethod(CaseModel caseModel, SemanticModel model, List<ISymbol> inScope, IMethodSymbol function, bool isAsync)
        {
            var candidates = new List<(ISymbol? Receiver, IMethodSymbol Method)>();
            foreach (var symbol in inScope)
            {
                if (TypeOf(symbol) is { } type)
                {
                    foreach (var method in AuditMethods(caseModel, type))
                    {
                        if (!method.IsStatic && model.IsAccessible(0, method))
                        {
                            candidates.Add((symbol, method));
                        }
                    }
                }
            }

            if (function.ContainingType is { } own)
            {
                foreach (var method in AuditMethods(caseModel, own))
                {
                    candidates.Add((null, method));
                }
            }

            if (candidates.Count == 0)
            {
                return null;
            }

            // In an async body an awaitable audit fits; elsewhere a synchronous one (never fire and forget).
            foreach (var candidate in candidates)
            {
                if (IsAwaitable(candidate.Method.ReturnType) == isAsync)
                {
                    return candidate;
                }
            }

            return isAsync ? candidates[0] : null;
        }

        private static IEnumerable<IMethodSymbol> AuditMethods(CaseModel caseModel, ITypeSymbol type)
        {
            var seen = new HashSet<string>();
            var types = new List<ITypeSymbol> { type };
            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                types.Add(t);
            }

            types.AddRange(type.AllInterfaces);
            foreach (var t in types)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && caseModel.HasRole(method, Role.LookupAudit)
                        && seen.Add(method.Name + "/" + method.Parameters.Length))
                    {
                        yield return method;
                    }
                }
            }
        }

        private static List<ArgumentSyntax> Arguments(IMethodSymbol method, IOperation? subject, List<ISymbol> inScope, ISymbol? receiver,
            SemanticModel model, IMethodSymbol function)
        {
            var caseModel = CaseModel.GetOrCreate(model.Compilation);
            var arguments = new List<ArgumentSyntax>();
            var named = false;
            foreach (var parameter in method.Parameters)
            {
                ExpressionSyntax? value;
                if (caseModel.HasRole(parameter, Role.Subject))
                {
                    value = subject is null ? null : (ExpressionSyntax)subject.Syntax.WithoutTrivia();
                }
                else if (parameter.Type.SpecialType == SpecialType.System_String && LooksLikeReason(parameter.Name))
                {
                    value = FindInScope(parameter, inScope, receiver, model, reasonOnly: true)
                        ?? SyntaxFactory.ParseExpression("nameof(" + MemberName(function) + ")");
                }
                else
                {
                    value = FindInScope(parameter, inScope, receiver, model, reasonOnly: false);
                }

                if (value is null && parameter.IsOptional)
                {
                    named = true; // skip it; later arguments must name their parameter
                    continue;
                }

                value ??= SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression,
                    SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression, SyntaxFactory.Token(SyntaxKind.DefaultKeyword)));
                var argument = SyntaxFactory.Argument(value);
                arguments.Add(named ? argument.WithNameColon(SyntaxFactory.NameColon(parameter.Name)) : argument);
            }

            return arguments;
        }

        /// <summary>
        /// The best value in scope for a parameter: a variable of a fitting type and name, or a property of one
        /// (<c>request.Officer</c>), which ranks just below a variable that fits as well.
        /// </summary>
        private static ExpressionSyntax? FindInScope(IParameterSymbol parameter, List<ISymbol> inScope, ISymbol? receiver, SemanticModel model, bool reasonOnly)
        {
            ExpressionSyntax? best = null;
            var bestScore = 0;
            void Consider(ITypeSymbol type, string name, int bonus, System.Func<ExpressionSyntax> expression)
            {
                if (!model.Compilation.ClassifyConversion(type, parameter.Type).IsImplicit)
                {
                    return;
                }

                var score = Score(name, parameter, reasonOnly);
                if (score > 0 && score * 2 + bonus > bestScore)
                {
                    best = expression();
                    bestScore = score * 2 + bonus;
                }
            }

            foreach (var symbol in inScope)
            {
                if (SymbolEqualityComparer.Default.Equals(symbol, receiver) || TypeOf(symbol) is not { } type)
                {
                    continue;
                }

                Consider(type, symbol.Name, 1, () => Receiver(symbol, inScope));
                if (symbol is IParameterSymbol or ILocalSymbol && type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Class or TypeKind.Struct)
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property)
                        {
                            Consider(property.Type, property.Name, 0, () => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                                SyntaxFactory.IdentifierName(symbol.Name), SyntaxFactory.IdentifierName(property.Name)));
                        }
                    }
                }
            }

            return best;
        }

        /// <summary>How well a variable's name fits a parameter: same name, then a staff-like name for a staff parameter.</summary>
        private static int Score(string name, IParameterSymbol parameter, bool reasonOnly)
        {
            if (string.Equals(name, parameter.Name, StringComparison.OrdinalIgnoreCase))
            {
                return 3;
            }

            if (reasonOnly)
            {
                return LooksLikeReason(name) ? 2 : 0;
            }

            var staffParameter = LooksLikeStaff(parameter.Name) || LooksLikeStaff(parameter.Type.Name);
            if (staffParameter && LooksLikeStaff(name))
            {
                return 2;
            }

            // A value of a type made for the parameter (an Officer for an Officer) fits; a string for a string does not.
            return parameter.Type.SpecialType == SpecialType.None && parameter.Type.TypeKind != TypeKind.TypeParameter ? 1 : 0;
        }

        private static bool LooksLikeStaff(string name)
        {
            var lower = name.ToLowerInvariant();
            return lower.Contains("staff") || lower.Contains("officer") || lower.Contains("user") || lower.Contains("employee")
                || lower.Contains("handlaggare") || lower.Contains("handläggare") || lower.Contains("actor") || lower.Contains("caseworker");
        }

        private static bool LooksLikeReason(string name)
        {
            var lower = name.ToLowerInvariant();
            return lower.Contains("reason") || lower.Contains("purpose") || lower.Contains("motive") || lower.Contains("skal") || lower.Contains("skäl");
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            IParameterSymbol p => p.Type,
            ILocalSymbol l => l.Type,
            IFieldSymbol f => f.Type,
            IPropertySymbol { IsIndexer: false } p => p.Type,
            _ => null,
        };

        /// <summary>Parameters and locals declared before the point, and fields and properties usable from the function.</summary>
        private static bool IsUsableAt(ISymbol symbol, int position, IMethodSymbol function)
        {
            switch (symbol)
            {
                case IParameterSymbol:
                    return true;
                case ILocalSymbol local:
                    return local.DeclaringSyntaxReferences.All(r => r.Span.End <= position);
                case IFieldSymbol or IPropertySymbol:
                    var member = function;
                    while (member.ContainingSymbol is IMethodSymbol outer)
                    {
                        member = outer;
                    }

                    return !symbol.IsImplicitlyDeclared && (symbol.IsStatic || !member.IsStatic)
                        && symbol.ContainingType is not null && function.ContainingType is not null
                        && IsSameOrBase(symbol.ContainingType, function.ContainingType);
                default:
                    return false;
            }
        }

        private static bool IsSameOrBase(INamedTypeSymbol candidate, INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, candidate.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A name for the symbol; a field or property shadowed by a parameter or local is reached through <c>this</c>.</summary>
        private static ExpressionSyntax Receiver(ISymbol symbol, List<ISymbol> inScope)
        {
            var name = SyntaxFactory.IdentifierName(symbol.Name);
            if ((symbol is IFieldSymbol || symbol is IPropertySymbol) && !symbol.IsStatic
                && inScope.Any(s => (s is IParameterSymbol || s is ILocalSymbol) && s.Name == symbol.Name))
            {
                return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ThisExpression(), name);
            }

            return name;
        }

        private static bool DeclaredWithin(IOperation value, SyntaxNode anchor)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation local
                    && local.Local.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == anchor.SyntaxTree && anchor.Span.Contains(r.Span)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAwaitable(ITypeSymbol type)
            => type.Name is "Task" or "ValueTask" && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

        private static string MemberName(IMethodSymbol function)
        {
            var member = function;
            while (member.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction && member.ContainingSymbol is IMethodSymbol outer)
            {
                member = outer;
            }

            if (member.MethodKind == MethodKind.AnonymousFunction)
            {
                return member.ContainingType?.Name ?? "lookup";
            }

            return member.AssociatedSymbol?.Name ?? (member.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor ? member.ContainingType.Name : member.Name);
        }
    }
}
