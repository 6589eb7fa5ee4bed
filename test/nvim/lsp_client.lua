-- Neovim (0.7+) as an LSP client of the built workreport server, headless. Driven by
-- test/lsp-neovim.test.ts, which passes SERVER (dist/server.js), NODE (the node binary) and RESULT (a
-- JSON file this script writes what it saw into; the mocha test asserts on it).
--   nvim --headless --clean -n -i NONE -u NONE -c 'luafile test/nvim/lsp_client.lua' REPORT.txt
local SERVER, NODE, RESULT = os.getenv('SERVER'), os.getenv('NODE') or 'node', os.getenv('RESULT')
local result = { steps = {} }

local function fail(msg)
  result.error = msg
  local f = io.open(RESULT, 'w'); f:write(vim.fn.json_encode(result)); f:close()
  io.stderr:write('FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end
local function check(cond, msg) if not cond then error(msg, 2) end end

local function main()
  local buf = vim.api.nvim_get_current_buf()
  local fname = vim.api.nvim_buf_get_name(buf)
  check(fname ~= '', 'open a report on the command line')

  local client_id = vim.lsp.start_client({
    name = 'workreport',
    cmd = { NODE, SERVER, '--stdio' },
    root_dir = vim.fn.fnamemodify(fname, ':h'),
  })
  check(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(buf, client_id)

  local function line(n) return vim.api.nvim_buf_get_lines(buf, n, n + 1, false)[1] end
  -- Neovim keeps diagnostics in byte columns; the server speaks UTF-16 (the LSP default).
  local function position(lnum, col)
    local _, utf16 = vim.str_utfindex(line(lnum) or '', col)
    return { line = lnum, character = utf16 }
  end
  local function lsp_diagnostics(code)
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = vim.tbl_extend('force', d.user_data and d.user_data.lsp or {}, {
        range = { start = position(d.lnum, d.col), ['end'] = position(d.end_lnum, d.end_col) },
        message = d.message, source = d.source, code = d.code, severity = d.severity,
      })
      if code == nil or lsp.code == code then table.insert(out, lsp) end
    end
    return out
  end
  local function request(method, params)
    local resp = vim.lsp.buf_request_sync(buf, method, params, 10000)
    check(resp and resp[client_id] and not resp[client_id].err, method .. ' failed: ' .. vim.inspect(resp))
    return resp[client_id].result
  end
  local function preferred_fix(diagnostic)
    local actions = request('textDocument/codeAction', {
      textDocument = vim.lsp.util.make_text_document_params(buf),
      range = diagnostic.range,
      context = { diagnostics = { diagnostic } },
    })
    for _, a in ipairs(actions or {}) do
      if a.isPreferred then return a, actions end
    end
    error('no preferred code action among ' .. vim.inspect(actions))
  end

  -- (1) diagnostics pushed on open
  check(vim.wait(15000, function() return #lsp_diagnostics() > 0 end, 50), 'no diagnostics within 15 s')
  result.diagnostics = lsp_diagnostics()

  -- (2) the outline
  local symbols = request('textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params(buf) })
  result.symbols = {}
  for _, s in ipairs(symbols) do
    local children = {}
    for _, c in ipairs(s.children or {}) do table.insert(children, c.name) end
    table.insert(result.symbols, { name = s.name, detail = s.detail, range = s.range, children = children })
  end

  -- (3) the preferred quick fix of the first missing deadline, applied through Neovim's own edit code
  -- (the seed is real text: other rules flag its half-width marks too)
  local first = lsp_diagnostics('target-missing-deadline')[1]
  check(first, 'no target-missing-deadline diagnostic')
  local action = preferred_fix(first)
  local before = line(first.range.start.line)
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  result.fix = { title = action.title, code = first.code, before = before, after = line(first.range.start.line) }
  check(vim.wait(10000, function() return #lsp_diagnostics(first.code) < #vim.tbl_filter(function(d) return d.code == first.code end, result.diagnostics) end, 50),
    'the fixed diagnostic did not go away')
  result.fix.remaining = #lsp_diagnostics(first.code)

  -- (4) delete the unit of a target that has one (found with the custom request), then restore it
  local targets = request('workreport/targets', { textDocument = vim.lsp.util.make_text_document_params(buf) })
  result.target_sections = #targets.sections
  local target
  for _, s in ipairs(targets.sections) do
    for _, t in ipairs(s.targets) do
      if target == nil and t.unit == '%' then target = t end
    end
  end
  check(target, 'no target with a % unit')
  local lnum = target.range.start.line
  local original = line(lnum)
  -- LSP counts UTF-16 code units; Neovim edits bytes. The unit follows the number in the range.
  local range_start = vim.str_byteindex(original, target.range.start.character, true)
  local at = string.find(original, target.value .. target.unit, range_start + 1, true)
  check(at, 'the target text is not where its range says')
  local from = at - 1 + #target.value
  vim.api.nvim_buf_set_text(buf, lnum, from, lnum, from + #target.unit, { '' })
  result.unit = { indicator = target.indicator, value = target.value, unit = target.unit, edited = line(lnum) }
  check(vim.wait(10000, function() return #lsp_diagnostics('target-missing-unit') == 1 end, 50), 'no target-missing-unit after deleting the unit')
  local missing = lsp_diagnostics('target-missing-unit')[1]
  result.unit.diagnostic = missing
  local restore, all = preferred_fix(missing)
  result.unit.actions = vim.tbl_map(function(a) return a.title end, all)
  vim.lsp.util.apply_workspace_edit(restore.edit, 'utf-16')
  result.unit.restored = line(lnum) == original
  check(vim.wait(10000, function() return #lsp_diagnostics('target-missing-unit') == 0 end, 50), 'target-missing-unit stayed after the fix')

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  local f = io.open(RESULT, 'w'); f:write(vim.fn.json_encode(result)); f:close()
end

-- Any Lua error must end the process: headless Neovim would otherwise wait for input forever.
local ok, err = xpcall(main, debug.traceback)
if not ok then fail(tostring(err)) end
vim.cmd('qall!')
