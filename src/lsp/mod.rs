//! `jixiao lsp`: a Language Server Protocol server over standard input and
//! output, for live checking and navigation in editors.
//!
//! The loop ([`serve`]) reads messages with `lsp-server`; the state is a
//! [`Workspace`] (open buffers over the disk, one project per root). An
//! edit only marks its project as changed; the project is loaded and
//! checked again when no message is waiting (or before answering a
//! request), so a burst of keystrokes costs one check, and a check after an
//! edit re-parses only the block around it ([`crate::project::Reloader`]).
//!
//! Modules: [`position`] (UTF-16 positions), [`workspace`] (buffers, roots,
//! loading), [`diagnostics`], [`hover`], [`navigation`] (definition and
//! references), [`completion`], [`format`], [`symbols`] (outline and
//! folding), [`tokens`] (semantic tokens), [`actions`] (quick fixes), and
//! [`locate`] (what is under the cursor).

pub mod actions;
pub mod completion;
pub mod diagnostics;
pub mod format;
pub mod hover;
pub mod locate;
pub mod navigation;
pub mod position;
pub mod symbols;
pub mod tokens;
pub mod workspace;

use crate::i18n::Lang;
use std::collections::HashMap;
use std::path::PathBuf;

use crossbeam_channel::TryRecvError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Exit, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, FoldingRangeRequest, Formatting,
    GotoDefinition, HoverRequest, RangeFormatting, References, Request as _,
    SemanticTokensFullRequest, Shutdown,
};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CompletionOptions, CompletionParams, CompletionResponse,
    DocumentFormattingParams, DocumentRangeFormattingParams, DocumentSymbolParams,
    DocumentSymbolResponse, FoldingRangeParams, FoldingRangeProviderCapability,
    GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, Location, MarkupContent, MarkupKind, OneOf,
    PositionEncodingKind, PublishDiagnosticsParams, ReferenceParams, SemanticTokensFullOptions,
    SemanticTokensOptions, SemanticTokensParams, SemanticTokensServerCapabilities,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit,
    Url, WorkspaceEdit,
};
use serde_json::Value;

pub use workspace::Workspace;

use crate::source::{FileId, Span};
use workspace::Root;

/// Serve the protocol over standard input and output until the client
/// says `exit`.
pub fn run() -> Result<(), String> {
    let (connection, io) = Connection::stdio();
    let result = serve(&connection);
    drop(connection);
    io.join().map_err(|e| e.to_string())?;
    result
}

/// What the server can do.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), "{".into()]),
            ..Default::default()
        }),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_range_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: tokens::legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: None,
                ..Default::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// Serve one connection: the handshake, then messages until `exit`.
pub fn serve(connection: &Connection) -> Result<(), String> {
    let init = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo { name: "jixiao".into(), version: Some(env!("CARGO_PKG_VERSION").into()) },
    });
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    connection
        .initialize_finish(id, init)
        .map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let mut server = Server::new(&params);
    server.main_loop(connection)
}

struct Server {
    ws: Workspace,
    shutting_down: bool,
}

/// A failed request: its code and message.
type Failure = (ErrorCode, String);

fn invalid(e: serde_json::Error) -> Failure {
    (ErrorCode::InvalidParams, e.to_string())
}

impl Server {
    fn new(params: &InitializeParams) -> Server {
        let mut folders: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().ok())
            .collect();
        #[allow(deprecated)] // older clients send only rootUri
        if folders.is_empty() {
            folders.extend(params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()));
        }
        let mut ws = Workspace::new(folders);
        ws.docs_url = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("diagnosticsUrl"))
            .and_then(Value::as_str)
            .and_then(|s| Url::parse(s).ok())
            .or_else(diagnostics::default_docs_url);
        ws.lang = params
            .locale
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or_else(Lang::from_env);
        Server {
            ws,
            shutting_down: false,
        }
    }

    fn main_loop(&mut self, connection: &Connection) -> Result<(), String> {
        loop {
            // Check again only when no message waits: a burst of edits
            // costs one check.
            let msg = if self.ws.is_dirty() {
                match connection.receiver.try_recv() {
                    Ok(m) => m,
                    Err(TryRecvError::Empty) => {
                        self.publish(connection)?;
                        continue;
                    }
                    Err(TryRecvError::Disconnected) => return Ok(()),
                }
            } else {
                match connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(()),
                }
            };
            match msg {
                Message::Request(req) => {
                    let resp = self.request(req);
                    send(connection, Message::Response(resp))?;
                }
                Message::Notification(n) => {
                    if n.method == Exit::METHOD {
                        return if self.shutting_down {
                            Ok(())
                        } else {
                            Err("exit without shutdown".into())
                        };
                    }
                    self.notification(n);
                }
                Message::Response(_) => {}
            }
        }
    }

    fn publish(&mut self, connection: &Connection) -> Result<(), String> {
        for p in self.ws.refresh() {
            let params = PublishDiagnosticsParams {
                uri: p.uri,
                diagnostics: p.diagnostics,
                version: p.version,
            };
            let n = Notification::new(PublishDiagnostics::METHOD.into(), params);
            send(connection, Message::Notification(n))?;
        }
        Ok(())
    }

    fn notification(&mut self, n: Notification) {
        let params = n.params;
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(params)
                {
                    let d = p.text_document;
                    self.ws.open(d.uri, d.version, d.text);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(params)
                {
                    let uri = p.text_document.uri;
                    let Some(mut text) = self.ws.text(&uri).map(str::to_string) else {
                        return;
                    };
                    for c in p.content_changes {
                        text = position::apply_change(&text, c.range, &c.text);
                    }
                    self.ws.change(&uri, p.text_document.version, text);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(params)
                {
                    self.ws.close(&p.text_document.uri);
                }
            }
            DidSaveTextDocument::METHOD | DidChangeWatchedFiles::METHOD => self.ws.files_changed(),
            _ => {}
        }
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        if self.shutting_down {
            return Response::new_err(id, ErrorCode::InvalidRequest as i32, "shutting down".into());
        }
        if req.method == Shutdown::METHOD {
            self.shutting_down = true;
            return Response::new_ok(id, Value::Null);
        }
        // Answer from the buffers as they are now.
        if self.ws.is_dirty() {
            // What this check would publish is published by the loop's next
            // idle turn, which finds nothing dirty: keep it for then.
            self.pending_refresh();
        }
        match self.answer(&req) {
            Ok(v) => Response::new_ok(id, v),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    /// Bring the projects up to date before answering; the diagnostics are
    /// published on the next idle turn (the workspace marks them so).
    fn pending_refresh(&mut self) {
        let published = self.ws.refresh();
        self.ws.defer(published);
    }

    fn answer(&mut self, req: &Request) -> Result<Value, Failure> {
        let params = req.params.clone();
        let json = |v: Result<Value, serde_json::Error>| v.map_err(invalid);
        match req.method.as_str() {
            HoverRequest::METHOD => {
                let p: HoverParams = serde_json::from_value(params).map_err(invalid)?;
                let pos = p.text_document_position_params;
                let result = self.at(
                    &pos.text_document.uri,
                    pos.position,
                    |ws, root, file, offset| {
                        hover::hover(root.project(), &root.findings, file, offset, ws.lang)
                    },
                );
                json(serde_json::to_value(result.flatten().map(|md| Hover {
                    contents: HoverContents::Markup(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value: md,
                    }),
                    range: None,
                })))
            }
            GotoDefinition::METHOD => {
                let p: GotoDefinitionParams = serde_json::from_value(params).map_err(invalid)?;
                let pos = p.text_document_position_params;
                let places = self
                    .at(
                        &pos.text_document.uri,
                        pos.position,
                        |ws, root, file, offset| {
                            let spans = navigation::definition(root.project(), file, offset);
                            locations(ws, root, &spans)
                        },
                    )
                    .unwrap_or_default();
                json(serde_json::to_value(
                    (!places.is_empty()).then_some(GotoDefinitionResponse::Array(places)),
                ))
            }
            References::METHOD => {
                let p: ReferenceParams = serde_json::from_value(params).map_err(invalid)?;
                let pos = p.text_document_position;
                let decl = p.context.include_declaration;
                let places = self
                    .at(
                        &pos.text_document.uri,
                        pos.position,
                        |ws, root, file, offset| {
                            let spans = navigation::references(root.project(), file, offset, decl);
                            locations(ws, root, &spans)
                        },
                    )
                    .unwrap_or_default();
                json(serde_json::to_value(places))
            }
            Completion::METHOD => {
                let p: CompletionParams = serde_json::from_value(params).map_err(invalid)?;
                let pos = p.text_document_position;
                let uri = pos.text_document.uri;
                let Some(path) = self.ws.path_of(&uri) else {
                    return Ok(Value::Null);
                };
                let Some(doc) = self.ws.doc(&path) else {
                    return Ok(Value::Null);
                };
                let offset = doc.index.offset(pos.position);
                let root = self.ws.root_of_file(&path);
                let project = root.and_then(|r| {
                    let id = r.project().sources.find_path(&path)?;
                    Some((r.project(), navigation::group_of(r.project(), id)?))
                });
                let items = completion::complete(&doc.index, offset, project, self.ws.lang);
                json(serde_json::to_value(CompletionResponse::Array(items)))
            }
            Formatting::METHOD => {
                let p: DocumentFormattingParams =
                    serde_json::from_value(params).map_err(invalid)?;
                let index = self.index(&p.text_document.uri)?;
                let edits = format::document(&index, self.ws.lang)
                    .map_err(|e| (ErrorCode::RequestFailed, e))?;
                json(serde_json::to_value(edits))
            }
            RangeFormatting::METHOD => {
                let p: DocumentRangeFormattingParams =
                    serde_json::from_value(params).map_err(invalid)?;
                let index = self.index(&p.text_document.uri)?;
                let edits = format::range(&index, p.range, self.ws.lang)
                    .map_err(|e| (ErrorCode::RequestFailed, e))?;
                json(serde_json::to_value(edits))
            }
            DocumentSymbolRequest::METHOD => {
                let p: DocumentSymbolParams = serde_json::from_value(params).map_err(invalid)?;
                let symbols = self
                    .file(&p.text_document.uri, |_, root, file, index| {
                        symbols::outline(index, root.project().document(file))
                    })
                    .unwrap_or_default();
                json(serde_json::to_value(DocumentSymbolResponse::Nested(
                    symbols,
                )))
            }
            FoldingRangeRequest::METHOD => {
                let p: FoldingRangeParams = serde_json::from_value(params).map_err(invalid)?;
                let uri = p.text_document.uri;
                let ranges = self.tree(&uri, symbols::folding).unwrap_or_default();
                json(serde_json::to_value(ranges))
            }
            SemanticTokensFullRequest::METHOD => {
                let p: SemanticTokensParams = serde_json::from_value(params).map_err(invalid)?;
                let uri = p.text_document.uri;
                let result = self.tree(&uri, tokens::tokens);
                json(serde_json::to_value(result))
            }
            CodeActionRequest::METHOD => {
                let p: CodeActionParams = serde_json::from_value(params).map_err(invalid)?;
                let uri = p.text_document.uri.clone();
                let actions = self
                    .file(&uri, |ws, root, file, index| {
                        code_actions(ws, root, file, index, &uri, &p)
                    })
                    .unwrap_or_default();
                json(serde_json::to_value(actions))
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("no method {}", req.method),
            )),
        }
    }

    /// The open buffer's line index.
    fn index(&self, uri: &Url) -> Result<position::LineIndex, Failure> {
        let path = self
            .ws
            .path_of(uri)
            .ok_or((ErrorCode::InvalidParams, "not a file".to_string()))?;
        self.ws
            .index_of(&path)
            .ok_or((ErrorCode::InvalidParams, "no such document".to_string()))
    }

    /// Run `f` on the project holding the file at `uri`, with the file's id
    /// and line index.
    fn file<T>(
        &self,
        uri: &Url,
        f: impl FnOnce(&Workspace, &Root, FileId, &position::LineIndex) -> T,
    ) -> Option<T> {
        let path = self.ws.path_of(uri)?;
        let root = self.ws.root_of_file(&path)?;
        let file = root.project().sources.find_path(&path)?;
        let index = self.ws.index_of(&path)?;
        Some(f(&self.ws, root, file, &index))
    }

    /// Run `f` at a position of the file at `uri`.
    fn at<T>(
        &self,
        uri: &Url,
        pos: lsp_types::Position,
        f: impl FnOnce(&Workspace, &Root, FileId, usize) -> T,
    ) -> Option<T> {
        self.file(uri, |ws, root, file, index| {
            f(ws, root, file, index.offset(pos))
        })
    }

    /// Run `f` on the tree of the file at `uri`.
    fn tree<T>(
        &self,
        uri: &Url,
        f: impl FnOnce(&position::LineIndex, &crate::syntax::cst::SyntaxNode) -> T,
    ) -> Option<T> {
        let path = self.ws.path_of(uri)?;
        let root = self.ws.root_of_file(&path)?;
        let (_, tree) = root.tree(&path)?;
        let index = self.ws.index_of(&path)?;
        // The tree must be the buffer's: a file just edited and not yet
        // loaded again would give stale positions.
        if usize::from(tree.text_range().end()) != index.source().len() {
            return None;
        }
        Some(f(&index, &tree))
    }
}

fn send(connection: &Connection, msg: Message) -> Result<(), String> {
    connection.sender.send(msg).map_err(|e| e.to_string())
}

/// Spans as protocol locations.
fn locations(ws: &Workspace, root: &Root, spans: &[Span]) -> Vec<Location> {
    let mut cache: HashMap<FileId, (Url, position::LineIndex)> = HashMap::new();
    spans
        .iter()
        .filter_map(|s| {
            let (uri, index) = match cache.entry(s.file) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(ws.locate(root.project(), s.file)?)
                }
            };
            Some(Location::new(uri.clone(), index.range(*s)))
        })
        .collect()
}

/// The quick fixes for the findings of `file` that meet the request's
/// range.
fn code_actions(
    ws: &Workspace,
    root: &Root,
    file: FileId,
    index: &position::LineIndex,
    uri: &Url,
    p: &CodeActionParams,
) -> Vec<CodeActionOrCommand> {
    let (from, to) = index.offsets(p.range);
    let project = root.project();
    let text = &project.sources.get(file).text;
    let mut out = Vec::new();
    for d in &root.findings {
        let Some(span) = d.primary_span() else {
            continue;
        };
        if span.file != file || span.end() < from || span.start() > to {
            continue;
        }
        let Some(fix) = actions::fix(d, text) else {
            continue;
        };
        let diagnostic = diagnostics::to_lsp(
            d,
            project,
            &mut |f| ws.locate(project, f),
            ws.docs_url.as_ref(),
            ws.lang,
        );
        let edit = TextEdit::new(index.range(fix.span), fix.text);
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: fix.title.render(ws.lang),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic]),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                ..Default::default()
            }),
            is_preferred: Some(true),
            ..Default::default()
        }));
    }
    out
}
