<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="53"/>
        <source>立案</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="54"/>
        <source>派遣</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="55"/>
        <source>处置反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="56"/>
        <source>派发核查</source>
        <translation>Send for check</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="57"/>
        <source>核查通过（结案）</source>
        <translation>Check passed (close)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="58"/>
        <source>批准先行处置结案</source>
        <translation>Approve on-site handling (close)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="59"/>
        <source>批准延期</source>
        <translation>Approve extension</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="60"/>
        <source>批准回退</source>
        <translation>Approve return</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="61"/>
        <source>批准挂账</source>
        <translation>Approve suspension</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="62"/>
        <source>恢复处置</source>
        <translation>Resume handling</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="63"/>
        <source>派发核实</source>
        <translation>Send for verification</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="64"/>
        <source>核实反馈</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="65"/>
        <source>回访</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="66"/>
        <source>核查不通过（返工）</source>
        <translation>Check failed (rework)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="67"/>
        <source>驳回先行处置</source>
        <translation>Reject on-site handling</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="68"/>
        <source>驳回延期</source>
        <translation>Reject extension</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="69"/>
        <source>驳回回退</source>
        <translation>Reject return</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="70"/>
        <source>驳回挂账</source>
        <translation>Reject suspension</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="71"/>
        <source>催办</source>
        <translation>Remind</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="72"/>
        <source>督办</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="73"/>
        <source>督办回复</source>
        <translation>Reply to escalation</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="74"/>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="75"/>
        <source>申请回退</source>
        <translation>Request return</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="76"/>
        <source>申请挂账</source>
        <translation>Request suspension</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="77"/>
        <source>重新分类</source>
        <translation>Reclassify</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="78"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="79"/>
        <source>合并为重复案件</source>
        <translation>Merge as duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="80"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_actions.py" line="81"/>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
</context>
<context>
    <name>ActionController</name>
    <message>
        <location filename="../../ui/actions/controller.py" line="106"/>
        <source>%1（%2）：%3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="115"/>
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="118"/>
        <source>快捷键一览（F1）</source>
        <translation>Keyboard shortcuts (F1)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="201"/>
        <source>批准%1</source>
        <translation>Approve %1</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="201"/>
        <source>驳回%1</source>
        <translation>Reject %1</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="202"/>
        <source>申请</source>
        <translation>request</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="204"/>
        <source>%1申请</source>
        <translation>%1 request</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="211"/>
        <source>案件操作</source>
        <translation>Case actions</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="228"/>
        <source>请先选择案件</source>
        <translation>Select a case first</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="243"/>
        <location filename="../../ui/actions/controller.py" line="279"/>
        <source>找不到所选案件，请刷新后重试</source>
        <translation>The selected case was not found; refresh and try again</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="288"/>
        <source>未知的操作：{action}</source>
        <translation>Unknown action: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="293"/>
        <source>“{action}”一次只能处理一件案件</source>
        <translation>“{action}” works on one case at a time</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="303"/>
        <source>{action}（Enter）</source>
        <translation>{action} (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="329"/>
        <source>督办意见</source>
        <translation>Escalation instruction</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="333"/>
        <source>催办内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="333"/>
        <source>请尽快处置</source>
        <translation>Please handle as soon as possible</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="334"/>
        <source>备注内容</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="335"/>
        <source>处置结果</source>
        <translation>Handling result</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="335"/>
        <source>已处置</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="336"/>
        <source>核查意见（可选）</source>
        <translation>Check comment (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="337"/>
        <source>监督员现场核查：问题已解决。确认后案件结案。</source>
        <translation>Field supervisor checked on site: the problem is solved. Confirming closes the case.</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="338"/>
        <source>说明（可选）</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="339"/>
        <source>恢复处置后，处置期限按挂账时剩余的时限继续计算。</source>
        <translation>After resuming, the handling deadline runs on with the time that was left when the case was suspended.</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="402"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="403"/>
        <source>操作未完成</source>
        <translation>Action not completed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/actions/controller.py" line="417"/>
        <source>已{action} %n 件案件</source>
        <translation>
            <numerusform>{action}: %n case done</numerusform>
            <numerusform>{action}: %n cases done</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="419"/>
        <source>，{n} 件失败</source>
        <translation>, {n} failed</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="426"/>
        <source>案件 {no} 已立案（{category}），请派遣（F3）</source>
        <translation>Case {no} filed ({category}); dispatch it next (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="427"/>
        <source>案件 {no} 已派遣至 {unit}，期限 {deadline}</source>
        <translation>Case {no} dispatched to {unit}, due {deadline}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="428"/>
        <source>案件 {no} 已作废</source>
        <translation>Case {no} voided</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="429"/>
        <source>案件 {no} 已派发核实给监督员 {who}</source>
        <translation>Case {no} sent to field supervisor {who} for verification</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="430"/>
        <source>案件 {no} 核实属实，待立案</source>
        <translation>Case {no} verified as genuine; ready to file</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="431"/>
        <source>案件 {no} 核实不属实，已作废</source>
        <translation>Case {no} verified as not genuine; voided</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="432"/>
        <source>案件 {no} 已派发核查给监督员 {who}</source>
        <translation>Case {no} sent to field supervisor {who} for check</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="433"/>
        <source>案件 {no} 核查通过，已结案</source>
        <translation>Case {no} passed the check and is closed</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="434"/>
        <source>案件 {no} 核查不通过，已退回 {unit} 返工（第 {rework} 次）</source>
        <translation>Case {no} failed the check; returned to {unit} for rework (round {rework})</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="435"/>
        <source>案件 {no} 已反馈处置结果，待核查</source>
        <translation>Case {no}: handling result reported; awaiting check</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="436"/>
        <source>已催办案件 {no}（{who}），累计催办 {reminds} 次</source>
        <translation>Case {no} reminded ({who}), {reminds} reminders in all</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="437"/>
        <source>案件 {no} 已督办，列为重点案件</source>
        <translation>Case {no} escalated and marked as a key case</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="438"/>
        <source>已回复案件 {no} 的督办</source>
        <translation>Escalation of case {no} answered</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="439"/>
        <source>案件 {no} 已作为重复案件并入 {original}</source>
        <translation>Case {no} merged into {original} as a duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="440"/>
        <source>案件 {no} 已重新分类为 {category}</source>
        <translation>Case {no} reclassified as {category}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="441"/>
        <source>已为案件 {no} 添加备注</source>
        <translation>Note added to case {no}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="442"/>
        <source>案件 {no} 已恢复处置，新期限 {deadline}</source>
        <translation>Case {no} resumed, new deadline {deadline}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="443"/>
        <source>已批准案件 {no} 延期，新期限 {deadline}</source>
        <translation>Extension for case {no} approved, new deadline {deadline}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="444"/>
        <source>已批准案件 {no} 回退，待重新派遣</source>
        <translation>Return of case {no} approved; ready to dispatch again</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="445"/>
        <source>已批准案件 {no} 挂账</source>
        <translation>Suspension of case {no} approved</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="446"/>
        <source>已批准案件 {no} 先行处置，案件已结案</source>
        <translation>On-site handling of case {no} approved; the case is closed</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="447"/>
        <source>已驳回案件 {no} 的先行处置，请按立案流程处理</source>
        <translation>On-site handling of case {no} rejected; continue with filing</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="448"/>
        <source>案件 {no} 已重新打开，当前状态：{state}</source>
        <translation>Case {no} reopened, state now: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="451"/>
        <source>已驳回案件 {no} 的{kind}申请</source>
        <translation>The {kind} request for case {no} was rejected</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="453"/>
        <source>案件 {no} 的{kind}申请已提交，等待值班长审批</source>
        <translation>The {kind} request for case {no} was submitted and awaits the shift leader&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="456"/>
        <source>案件 {no} 已{action}</source>
        <translation>Case {no}: {action} done</translation>
    </message>
    <message>
        <location filename="../../ui/actions/controller.py" line="461"/>
        <source>（本网格监督员）</source>
        <translation>(the grid cell&apos;s own)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="33"/>
        <source>重复上报</source>
        <translation>Duplicate report</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="34"/>
        <source>不属于受理范围</source>
        <translation>Outside our remit</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="35"/>
        <location filename="../../ui/actions/text_dialogs.py" line="46"/>
        <source>现场未发现问题</source>
        <translation>No problem found on site</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="36"/>
        <source>信息不全，无法核实</source>
        <translation>Incomplete information, cannot verify</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="37"/>
        <source>已自行处置完毕</source>
        <translation>Already resolved by the reporter</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="40"/>
        <source>现场问题未解决</source>
        <translation>Problem on site not solved</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="41"/>
        <source>处置不彻底</source>
        <translation>Handling incomplete</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="42"/>
        <source>处置后现场未清理</source>
        <translation>Site not cleaned up after handling</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="43"/>
        <source>处置结果与上报问题不符</source>
        <translation>Result does not match the reported problem</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="47"/>
        <source>问题不属实</source>
        <translation>Report not genuine</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="48"/>
        <source>位置有误，无法找到</source>
        <translation>Wrong location, could not be found</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="51"/>
        <source>不属于本单位职责</source>
        <translation>Not this unit&apos;s responsibility</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="52"/>
        <source>位置不在本单位辖区</source>
        <translation>Location outside this unit&apos;s area</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="53"/>
        <source>问题类别有误</source>
        <translation>Wrong problem category</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="56"/>
        <source>需协调其他部门</source>
        <translation>Other departments must be involved</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="57"/>
        <source>工程量较大</source>
        <translation>Large amount of work</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="58"/>
        <source>需采购材料或设备</source>
        <translation>Materials or equipment must be procured</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="59"/>
        <source>天气原因无法施工</source>
        <translation>Work not possible because of the weather</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="62"/>
        <source>需纳入工程计划</source>
        <translation>Must be included in a works programme</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="63"/>
        <source>季节性原因，暂无法处置</source>
        <translation>Seasonal, cannot be handled for now</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="64"/>
        <source>历史遗留问题，需上级协调</source>
        <translation>Long-standing problem, needs higher-level coordination</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="67"/>
        <source>属于本单位职责</source>
        <translation>This is the unit&apos;s responsibility</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="68"/>
        <source>理由不充分</source>
        <translation>Insufficient grounds</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="69"/>
        <source>请按原期限处置</source>
        <translation>Handle within the original deadline</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="72"/>
        <source>照片不能证明已处置</source>
        <translation>Photos do not show the problem handled</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="73"/>
        <source>不属于先行处置范围</source>
        <translation>Not eligible for on-site handling</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="76"/>
        <source>群众反映强烈</source>
        <translation>Strong public complaints</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="77"/>
        <source>多次催办仍未处置</source>
        <translation>Still not handled after repeated reminders</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="78"/>
        <source>领导批示</source>
        <translation>Instructed by leadership</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="79"/>
        <source>存在安全隐患</source>
        <translation>Safety hazard</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="82"/>
        <source>结案有误</source>
        <translation>Closed in error</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="83"/>
        <source>问题复发</source>
        <translation>Problem recurred</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="84"/>
        <source>误作废</source>
        <translation>Voided in error</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="283"/>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="284"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="285"/>
        <source>街道/社区</source>
        <translation>Subdistrict/Community</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="286"/>
        <source>推荐处置单位</source>
        <translation>Recommended handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="287"/>
        <source>推荐依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="288"/>
        <source>处置期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="289"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="63"/>
        <source>延期</source>
        <translation>extension</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="64"/>
        <source>回退</source>
        <translation>return</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="65"/>
        <source>挂账</source>
        <translation>suspension</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="66"/>
        <source>先行处置</source>
        <translation>on-site handling</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="99"/>
        <source>立案</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="101"/>
        <source>为选中的上报立案：按代码或名称选择问题类别，确认网格与紧急程度</source>
        <translation>File the selected report: choose the problem category by code or name, confirm the grid cell and priority</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="107"/>
        <source>派遣</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="109"/>
        <source>派遣至责任单位（按“类别 × 区域”规则推荐，Enter 接受）；多选时各派至其推荐单位</source>
        <translation>Dispatch to the responsible unit (recommended by the category × area rules; Enter accepts); with several cases selected, each goes to its recommended unit</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="117"/>
        <source>派发核实</source>
        <translation>Send for verification</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="119"/>
        <source>非监督员上报的问题，派监督员到现场核实（默认本网格监督员）</source>
        <translation>For reports not made by a field supervisor: send a supervisor to verify on site (default: the grid cell&apos;s own supervisor)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="125"/>
        <source>录入核实结果</source>
        <translation>Enter verification result</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="127"/>
        <source>录入监督员的现场核实结果：属实转待立案，不属实作废</source>
        <translation>Enter the field supervisor&apos;s verification: genuine → ready to file, not genuine → void</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="131"/>
        <source>派发核查</source>
        <translation>Send for check</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="133"/>
        <source>单位已反馈处置结果：派监督员核查（默认本网格监督员）</source>
        <translation>The unit has reported the result: send a field supervisor to check (default: the grid cell&apos;s own supervisor)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="139"/>
        <source>核查通过（结案）</source>
        <translation>Check passed (close)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="141"/>
        <source>录入核查结果：问题已解决，结案</source>
        <translation>Enter check result: problem solved, close the case</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="145"/>
        <source>核查不通过（返工）</source>
        <translation>Check failed (rework)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="147"/>
        <source>录入核查结果：问题未解决，退回单位返工（需说明原因）</source>
        <translation>Enter check result: problem not solved, return to the unit for rework (reason required)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="153"/>
        <source>催办</source>
        <translation>Remind</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="155"/>
        <source>催促处置单位尽快处置，记录催办次数；可多选</source>
        <translation>Remind the handling unit to act quickly; the reminders are counted. Works on several cases</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="160"/>
        <source>批准申请</source>
        <translation>Approve request</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="162"/>
        <source>批准单位的延期、回退、挂账申请，或监督员的先行处置</source>
        <translation>Approve a unit&apos;s extension, return or suspension request, or a field supervisor&apos;s on-site handling</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="167"/>
        <source>驳回申请</source>
        <translation>Reject request</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="169"/>
        <source>驳回单位的延期、回退、挂账申请，或监督员的先行处置</source>
        <translation>Reject a unit&apos;s extension, return or suspension request, or a field supervisor&apos;s on-site handling</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="174"/>
        <source>督办</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="176"/>
        <source>督办：填写督办意见，列为重点案件，等待处置单位回复；可多选</source>
        <translation>Escalate: give the instruction, mark as a key case and wait for the unit&apos;s reply; several may be selected</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="183"/>
        <source>督办回复</source>
        <translation>Reply to escalation</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="185"/>
        <source>处置单位回复督办：说明处置情况，督办即告办结</source>
        <translation>The handling unit replies to the escalation: what was done; the escalation is then settled</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="189"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="191"/>
        <source>作废（不予立案）：重复上报、不属于受理范围、现场未发现问题等</source>
        <translation>Void (do not file): duplicate report, outside our remit, no problem found on site, etc.</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="197"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="199"/>
        <source>为案件添加备注</source>
        <translation>Add a note to the case</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="203"/>
        <source>合并重复案件</source>
        <translation>Merge duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="205"/>
        <source>把选中的重复上报并入原案件（按案件编号选择原案件）</source>
        <translation>Merge the selected duplicate report into the original case (chosen by case number)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="209"/>
        <source>重新分类</source>
        <translation>Reclassify</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="211"/>
        <source>更正问题类别（按代码或名称查找）</source>
        <translation>Correct the problem category (search by code or name)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="215"/>
        <source>恢复处置</source>
        <translation>Resume handling</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="217"/>
        <source>挂账案件恢复处置，按挂账时剩余的时限继续计时</source>
        <translation>Resume handling of a suspended case; the clock runs on with the time left when it was suspended</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="221"/>
        <source>处置反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="223"/>
        <source>处置单位反馈已处置，转待核查</source>
        <translation>The handling unit reports the problem handled; the case goes to check</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="227"/>
        <source>申请回退</source>
        <translation>Request return</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="229"/>
        <source>不属于本单位职责：申请回退，由值班长审批</source>
        <translation>Not this unit&apos;s responsibility: request a return, approved by the shift leader</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="233"/>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="235"/>
        <source>无法按期处置：申请延期，由值班长审批</source>
        <translation>Cannot finish in time: request an extension, approved by the shift leader</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="239"/>
        <source>申请挂账</source>
        <translation>Request suspension</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="241"/>
        <source>短期内无法处置（工程、季节原因）：申请挂账，由值班长审批</source>
        <translation>Cannot be handled soon (works, seasonal reasons): request suspension, approved by the shift leader</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="247"/>
        <source>回访</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="249"/>
        <source>结案后回访市民（热线、来访、上级平台的上报）：满意、基本满意、不满意或未回访</source>
        <translation>Call the citizen back after closing (hotline, walk-in and platform reports): satisfied, basically satisfied, dissatisfied or not reached</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="256"/>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="258"/>
        <source>重新打开已结案或已作废的案件（管理员，需说明原因）</source>
        <translation>Reopen a closed or voided case (administrator, reason required)</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="96"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="116"/>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="124"/>
        <source>已选 {n} 件案件：{numbers}</source>
        <translation>{n} cases selected: {numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="177"/>
        <source>{ok} 件成功，{bad} 件失败：</source>
        <translation>{ok} succeeded, {bad} failed:</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="194"/>
        <source>正在提交…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="216"/>
        <source>放弃输入</source>
        <translation>Discard input</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="217"/>
        <source>已输入的内容尚未提交，关闭后将丢失。仍要关闭吗？</source>
        <translation>What you typed has not been submitted and will be lost. Close anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="218"/>
        <source>放弃并关闭</source>
        <translation>Discard and close</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="182"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="182"/>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="184"/>
        <source>{verb}申请</source>
        <translation>{verb} request</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="185"/>
        <source>{verb}（Enter）</source>
        <translation>{verb} (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="189"/>
        <source>待审批的申请</source>
        <translation>Request awaiting approval</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="191"/>
        <source>（正在加载…）</source>
        <translation>(loading…)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="197"/>
        <source>申请类型</source>
        <translation>Request type</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="198"/>
        <source>申请人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="199"/>
        <source>申请理由</source>
        <translation>Reason given</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="208"/>
        <source>批准延期时长</source>
        <translation>Approved extension</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="211"/>
        <source>审批意见（可选）</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="218"/>
        <source>驳回理由</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="218"/>
        <source>驳回理由（可选）</source>
        <translation>Reason for rejection (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="228"/>
        <source>（没有待审批的申请）</source>
        <translation>(no request awaiting approval)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="229"/>
        <location filename="../../ui/actions/case_dialogs.py" line="252"/>
        <source>该案件没有待审批的申请，请刷新后重试</source>
        <translation>This case has no request awaiting approval; refresh and try again</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="235"/>
        <source>&#x3000;申请延长 {extra}</source>
        <translation> · asks for {extra} more</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="246"/>
        <source>（未填写）</source>
        <translation>(none given)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="262"/>
        <source>请选择或填写驳回理由</source>
        <translation>Choose or enter a reason for rejection</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <location filename="../../ui/audit_window.py" line="38"/>
        <source>审计记录</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="40"/>
        <source>账号，如 dispatcher</source>
        <translation>account, e.g. dispatcher</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="41"/>
        <source>案件编号或 ID</source>
        <translation>case number or id</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="42"/>
        <source>操作，如 dispatch</source>
        <translation>action, e.g. dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="43"/>
        <source>工作站名称</source>
        <translation>workstation name</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="48"/>
        <source>查询(&amp;Q)</source>
        <translation>&amp;Query</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="51"/>
        <source>导出 CSV(&amp;E)…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="55"/>
        <location filename="../../ui/audit_window.py" line="67"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="56"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="57"/>
        <location filename="../../ui/audit_window.py" line="68"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="58"/>
        <location filename="../../ui/audit_window.py" line="67"/>
        <source>工作站</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="61"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="64"/>
        <source>日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="67"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="67"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="68"/>
        <source>案件/对象</source>
        <translation>Case / subject</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="68"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="111"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="125"/>
        <source>（仅列出最新的 %1 条，请缩小范围）</source>
        <translation> (only the newest %1 are listed: narrow the search)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="127"/>
        <source>共 %1 条</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="134"/>
        <source>导出审计记录</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="135"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="147"/>
        <source>无法写入文件：%1</source>
        <translation>Cannot write the file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/audit_window.py" line="149"/>
        <source>已导出 %1 条：%2</source>
        <translation>Exported %1 entries: %2</translation>
    </message>
</context>
<context>
    <name>BulkDispatchDialog</name>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="380"/>
        <source>批量派遣</source>
        <translation>Bulk dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="381"/>
        <source>全部派遣（Enter）</source>
        <translation>Dispatch all (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="398"/>
        <source>正在计算各案件的推荐单位…</source>
        <translation>Working out the recommended unit for each case…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="408"/>
        <source>{n} 件案件无法推荐处置单位，将不派遣，请单独处理</source>
        <translation>Cases without a recommended handling unit: {n}. They will not be dispatched; handle them one by one</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="423"/>
        <source>没有可以派遣的案件</source>
        <translation>No case can be dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="430"/>
        <source>已派遣 {ok} 件，{bad} 件失败：</source>
        <translation>{ok} dispatched, {bad} failed:</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="436"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>BulkDispatchModel</name>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="325"/>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="335"/>
        <source>✓ 已派遣</source>
        <translation>✓ Dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="337"/>
        <source>✗ 未派遣</source>
        <translation>✗ Not dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="356"/>
        <source>无法推荐：{error}</source>
        <translation>No recommendation: {error}</translation>
    </message>
</context>
<context>
    <name>CalendarController</name>
    <message>
        <location filename="../../ui/admin/calendar_controller.py" line="79"/>
        <source>正在加载 %1 年…</source>
        <translation>Loading %1…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_controller.py" line="93"/>
        <source>正在计算受影响的案件…</source>
        <translation>Finding the cases this change affects…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_controller.py" line="101"/>
        <source>请选择如何处理受影响案件的期限…</source>
        <translation>Choose what to do with the affected cases&apos; deadlines…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_controller.py" line="110"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_controller.py" line="127"/>
        <source>正在读取调休表…</source>
        <translation>Reading the schedule file…</translation>
    </message>
</context>
<context>
    <name>CalendarDays</name>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="361"/>
        <source>工作日</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="362"/>
        <source>周末</source>
        <translation>Weekend</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="363"/>
        <source>节假日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="364"/>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="370"/>
        <source>管理员录入</source>
        <translation>Entered by the administrator</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="371"/>
        <source>国务院安排</source>
        <translation>State Council schedule</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="372"/>
        <source>法定节日规则</source>
        <translation>Statutory holiday rules</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="373"/>
        <source>常规</source>
        <translation>Regular week</translation>
    </message>
</context>
<context>
    <name>CalendarLegend</name>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="388"/>
        <source>工作日</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="389"/>
        <source>周末</source>
        <translation>Weekend</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="390"/>
        <source>休</source>
        <translation>H</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="390"/>
        <source>节假日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="391"/>
        <source>班</source>
        <translation>W</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="391"/>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="392"/>
        <source>管理员录入（右上角标记）</source>
        <translation>Entered by the administrator (corner mark)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="393"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>CalendarNotice</name>
    <message>
        <location filename="../../ui/widgets/calendar_notice.py" line="44"/>
        <source>%1 年调休未录入</source>
        <translation>%1: make-up days not entered</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/calendar_notice.py" line="51"/>
        <source>%1 年调休安排尚未录入：已按法定节日计算，调休工作日以管理员录入为准</source>
        <translation>The make-up days of %1 have not been entered: deadlines count the statutory holidays only; make-up working days count once the administrator enters them</translation>
    </message>
</context>
<context>
    <name>CalendarScreen</name>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="63"/>
        <source>工作日历</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="76"/>
        <source>上一年</source>
        <translation>Previous year</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="85"/>
        <source>下一年</source>
        <translation>Next year</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="90"/>
        <location filename="../../ui/admin/calendar_screen.py" line="263"/>
        <source>确认本年安排</source>
        <translation>Confirm this year&apos;s schedule</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="92"/>
        <source>导入调休表…</source>
        <translation>Import schedule…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="95"/>
        <source>CSV 文件，每行“日期,类型,备注”，如 2027-02-20,workday,春节调休；类型为 holiday（休）或 workday（班）</source>
        <translation>A CSV file with one &quot;date,kind,note&quot; per line, e.g. 2027-02-20,workday,make-up day; the kind is holiday or workday</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="120"/>
        <source>单击日期或按 Enter 设置；方向键移动，PageUp/PageDown 换月</source>
        <translation>Click a day or press Enter to set it; arrow keys move, PageUp/PageDown change the month</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="129"/>
        <source>办公时段与环节时限（全局，对所有年份有效）</source>
        <translation>Office hours and stage limits (global, for every year)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="137"/>
        <source>核实</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="137"/>
        <source>立案</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="138"/>
        <source>派遣</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="138"/>
        <source>核查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="142"/>
        <source>一般案件</source>
        <translation>Normal cases</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="142"/>
        <source>紧急案件</source>
        <translation>Urgent cases</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="150"/>
        <source>保存时限设置</source>
        <translation>Save limits</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="169"/>
        <source>%v / %m 件</source>
        <translation>%v / %m cases</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="175"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="134"/>
        <source>办公时段</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="148"/>
        <source>紧急案件处置时限</source>
        <translation>Urgent handling limit</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="153"/>
        <source>时限写法如：1 工作时、3 工作日、4 自然小时、30 分钟</source>
        <translation>Limits are written e.g. 1 work_hours, 3 work_days, 4 hours (clock hours), 30 minutes</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="225"/>
        <source>官方安排</source>
        <translation>Official schedule</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="226"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="227"/>
        <source>调休未录入</source>
        <translation>Make-up days not entered</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="252"/>
        <source>由 %1 于 %2 确认</source>
        <translation>Confirmed by %1 on %2</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="255"/>
        <source>国务院公布的放假安排</source>
        <translation>The holiday schedule published by the State Council</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="263"/>
        <source>取消确认</source>
        <translation>Withdraw confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="266"/>
        <source>改回“调休未录入”，工作台将重新提示</source>
        <translation>Back to &quot;make-up days not entered&quot;: the workstations warn again</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="268"/>
        <source>确认本年的节假日和调休上班日已按国务院公布的安排录入完毕</source>
        <translation>Confirm that this year&apos;s holidays and make-up working days are entered as the State Council published them</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="273"/>
        <source>工作日 %1 天 · 节假日 %2 天 · 调休上班 %3 天 · 管理员录入 %4 天</source>
        <translation>%1 working days · %2 holidays · %3 make-up days · %4 entered</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="336"/>
        <source>导入调休表</source>
        <translation>Import schedule</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="337"/>
        <source>调休表 (*.csv *.txt);;所有文件 (*)</source>
        <translation>Schedules (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="356"/>
        <source>时限设置没有变化</source>
        <translation>The limits are unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="369"/>
        <source>已取消：未保存任何变更</source>
        <translation>Cancelled: nothing was saved</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="375"/>
        <source>已保存；已重算 %1 件案件的期限</source>
        <translation>Saved; the deadlines of %1 case(s) were recomputed</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="377"/>
        <source>已保存；保留了 %1 件案件的原期限</source>
        <translation>Saved; %1 case(s) keep their deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_screen.py" line="379"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>CaseAction</name>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>上报</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>派发核实</source>
        <translation>Send for verification</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>核实反馈</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>立案</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>派遣</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>处置反馈</source>
        <translation>Handling feedback</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>申请回退</source>
        <translation>Request return</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>批准回退</source>
        <translation>Approve return</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>驳回回退</source>
        <translation>Reject return</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>批准延期</source>
        <translation>Approve extension</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>驳回延期</source>
        <translation>Reject extension</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>申请挂账</source>
        <translation>Request suspension</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>批准挂账</source>
        <translation>Approve suspension</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>驳回挂账</source>
        <translation>Reject suspension</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>恢复处置</source>
        <translation>Resume handling</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>派发核查</source>
        <translation>Send for check</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>核查通过（结案）</source>
        <translation>Check passed (close)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>核查不通过（返工）</source>
        <translation>Check failed (rework)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>批准先行处置结案</source>
        <translation>Approve on-site handling (close)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>驳回先行处置</source>
        <translation>Reject on-site handling</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>催办</source>
        <translation>Remind</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80"/>
        <source>督办</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>督办回复</source>
        <translation>Reply to escalation</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>合并为重复案件</source>
        <translation>Merge as duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>并入重复案件</source>
        <translation>Absorb duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <source>重新分类</source>
        <translation>Reclassify</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87"/>
        <source>重算期限</source>
        <translation>Recompute deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88"/>
        <source>回访</source>
        <translation>Call back</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="69"/>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="119"/>
        <location filename="../../ui/widgets/detail_fields.py" line="198"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="121"/>
        <source>督办</source>
        <translation>Key case</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="123"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="125"/>
        <source>即将超期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="128"/>
        <source>待审批：</source>
        <translation>Pending approval: </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="132"/>
        <source>先行处置</source>
        <translation>Handled on site</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="136"/>
        <source>返工 %1</source>
        <translation>Rework %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="149"/>
        <location filename="../../ui/widgets/detail_fields.py" line="192"/>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="173"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="178"/>
        <source>上报人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="179"/>
        <source>（%1前）</source>
        <translation> (%1 ago)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="180"/>
        <source>上报时间</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="185"/>
        <location filename="../../ui/widgets/detail_fields.py" line="191"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="196"/>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="200"/>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="204"/>
        <source>街道/社区</source>
        <translation>Subdistrict/Community</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="205"/>
        <source>网格</source>
        <translation>Grid cell</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="206"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="208"/>
        <source>坐标</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="209"/>
        <source>描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="212"/>
        <source>核实</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="214"/>
        <source>已核实</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="216"/>
        <source>未核实</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="222"/>
        <source>处置单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="227"/>
        <source>，截止 </source>
        <translation>, due </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="228"/>
        <location filename="../../ui/widgets/detail_fields.py" line="319"/>
        <source>处置时限</source>
        <translation>Handling limit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="230"/>
        <source>返工</source>
        <translation>Rework</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="231"/>
        <source>催办</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="232"/>
        <source>延期</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="233"/>
        <source>回退</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="235"/>
        <source>计数</source>
        <translation>Counts</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="243"/>
        <source>（延长 %1）</source>
        <translation> (extend by %1)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="245"/>
        <source>理由：</source>
        <translation>Reason: </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="249"/>
        <source>待审批申请</source>
        <translation>Pending request</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="251"/>
        <source>核查监督员</source>
        <translation>Checking supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="253"/>
        <source>结案时间</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="256"/>
        <source>已并入</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="260"/>
        <source>作废原因</source>
        <translation>Reason voided</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="263"/>
        <source>并入的重复案件</source>
        <translation>Merged duplicates</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="320"/>
        <source>核实时限</source>
        <translation>Verification limit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="321"/>
        <source>立案时限</source>
        <translation>Filing limit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="322"/>
        <source>派遣时限</source>
        <translation>Dispatch limit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="323"/>
        <source>核查时限</source>
        <translation>Check limit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="346"/>
        <source>截止 </source>
        <translation>Due </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="347"/>
        <source>已用 %1%</source>
        <translation>%1% used</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="350"/>
        <source>已超期 </source>
        <translation>Overdue by </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="352"/>
        <source>剩余 </source>
        <translation>Remaining </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_fields.py" line="354"/>
        <source>计时已停止</source>
        <translation>Clock stopped</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_style.py" line="76"/>
        <source>%1 天 %2 小时</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_style.py" line="82"/>
        <source>%1 小时 %2 分</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_style.py" line="86"/>
        <location filename="../../ui/widgets/detail_style.py" line="108"/>
        <source>%1 分</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_style.py" line="97"/>
        <source>%1 工作日 %2 工作时</source>
        <translation>%1 working d %2 h</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_style.py" line="104"/>
        <source>%1 工作时 %2 分</source>
        <translation>%1 working h %2 min</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_style.py" line="113"/>
        <source>%1 米</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_style.py" line="114"/>
        <source>%1 公里</source>
        <translation>%1 km</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../ui/panels/detail.py" line="137"/>
        <source>在案件队列中选择一个案件，这里显示它的全部信息、照片、处置过程和可执行的操作。</source>
        <translation>Select a case in the queue to see all its details, photos, history and the actions you can take.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="165"/>
        <source>基本信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="166"/>
        <source>照片与附件</source>
        <translation>Photos and attachments</translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="167"/>
        <source>督办</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="170"/>
        <source>%1 米 · 前后 %2 天</source>
        <translation>%1 m · ±%2 days</translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="176"/>
        <source>疑似重复案件</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="180"/>
        <source>%1 米内、同类或相关类别（同一大类）、前后 %2 天内仍在办或已结案的案件，按距离、上报时间差和类别综合排序</source>
        <translation>Open or closed cases within %1 m, in the same or a related category (same major class), reported within ±%2 days; ranked by distance, time apart and category</translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="186"/>
        <source>处置过程</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="338"/>
        <source>无法显示案件</source>
        <translation>Cannot show the case</translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="340"/>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="342"/>
        <source>无法加载案件详情：</source>
        <translation>Cannot load the case details: </translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="358"/>
        <source>无法加载照片：</source>
        <translation>Cannot load the photos: </translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="371"/>
        <source>正在查找附近的疑似重复案件…</source>
        <translation>Looking for possible duplicates nearby…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="395"/>
        <source>无法查找疑似重复案件：</source>
        <translation>Cannot look for possible duplicates: </translation>
    </message>
    <message>
        <location filename="../../ui/panels/detail.py" line="436"/>
        <source>未选择案件</source>
        <translation>No case selected</translation>
    </message>
</context>
<context>
    <name>CaseSource</name>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>监督员上报</source>
        <translation>Supervisor report</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <source>12345热线</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <source>12319热线</source>
        <translation>12319 hotline</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="94"/>
        <source>来访</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="95"/>
        <source>上级平台</source>
        <translation>Higher platform</translation>
    </message>
</context>
<context>
    <name>CaseState</name>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>上报</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>核实中</source>
        <translation>Verifying</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>已立案</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>已派遣</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>待核查</source>
        <translation>Awaiting check</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>挂账</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54"/>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/models/case_table.py" line="93"/>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="102"/>
        <source>申请回退</source>
        <translation>Return requested</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="103"/>
        <source>申请延期</source>
        <translation>Extension requested</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="104"/>
        <source>申请挂账</source>
        <translation>Suspension requested</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="114"/>
        <source>先行处置</source>
        <translation>Handled on site</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="117"/>
        <source>返工%1</source>
        <translation>Rework %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="127"/>
        <source>督办</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="355"/>
        <source>挂账暂停</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="360"/>
        <source>超期结案</source>
        <translation>Closed late</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="360"/>
        <source>按期结案</source>
        <translation>Closed on time</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="367"/>
        <source>超期 %1</source>
        <translation>Overdue %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="368"/>
        <source>剩 %1</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="377"/>
        <source>&lt;1分</source>
        <translation>&lt;1m</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="382"/>
        <source>%1天%2时</source>
        <translation>%1d %2h</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="384"/>
        <source>%1天</source>
        <translation>%1d</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="386"/>
        <source>%1时%2分</source>
        <translation>%1h %2m</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="388"/>
        <source>%1时</source>
        <translation>%1h</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="389"/>
        <source>%1分</source>
        <translation>%1m</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="402"/>
        <source>处置时限</source>
        <translation>Handling limit</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="402"/>
        <source>本环节时限</source>
        <translation>Stage limit</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="403"/>
        <source>处置时限（挂账暂停）</source>
        <translation>Handling limit (paused while suspended)</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="405"/>
        <source>截止 %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="406"/>
        <source>%1%2，%3</source>
        <translation>%1%2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table.py" line="410"/>
        <source>（紧急）</source>
        <translation> (urgent)</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="79"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="98"/>
        <source>上报人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="102"/>
        <location filename="../../ui/widgets/timeline.py" line="126"/>
        <location filename="../../ui/widgets/timeline.py" line="198"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="103"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="105"/>
        <location filename="../../ui/widgets/timeline.py" line="131"/>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="105"/>
        <location filename="../../ui/widgets/timeline.py" line="131"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="108"/>
        <source>先行处置</source>
        <translation>Handled on site</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="109"/>
        <source>监督员已现场处置，待值班长批准结案</source>
        <translation>Handled on site by the field supervisor; awaiting the shift leader&apos;s approval to close</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="113"/>
        <source>核实监督员</source>
        <translation>Verifying supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="118"/>
        <source>核实结果</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="119"/>
        <source>属实</source>
        <translation>Genuine</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="121"/>
        <source>不属实</source>
        <translation>Not genuine</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="123"/>
        <location filename="../../ui/widgets/timeline.py" line="137"/>
        <location filename="../../ui/widgets/timeline.py" line="167"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="129"/>
        <source>网格</source>
        <translation>Grid cell</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="133"/>
        <source>督办意见</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="135"/>
        <source>回复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="139"/>
        <source>回到</source>
        <translation>Back to</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="142"/>
        <source>处置单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="145"/>
        <source>处置时限</source>
        <translation>Handling limit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="146"/>
        <source>截止时间</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="147"/>
        <source>派遣依据</source>
        <translation>Dispatch basis</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="149"/>
        <source>处置结果</source>
        <translation>Handling result</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="151"/>
        <source>申请理由</source>
        <translation>Reason given</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="152"/>
        <source>申请延长</source>
        <translation>Extension asked</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="154"/>
        <source>延长</source>
        <translation>Extended by</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="155"/>
        <location filename="../../ui/widgets/timeline.py" line="165"/>
        <source>新的截止时间</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="156"/>
        <location filename="../../ui/widgets/timeline.py" line="163"/>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="169"/>
        <source>处置期限</source>
        <translation>Handling deadline</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="174"/>
        <source>环节时限</source>
        <translation>Stage deadline</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="177"/>
        <source>核查监督员</source>
        <translation>Checking supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="182"/>
        <source>催办监督员</source>
        <translation>Reminded supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="184"/>
        <source>催办单位</source>
        <translation>Unit reminded</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="186"/>
        <source>催办内容</source>
        <translation>Reminder message</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="188"/>
        <source>并入案件</source>
        <translation>Merged into case</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="190"/>
        <source>重复案件</source>
        <translation>Duplicate case</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="195"/>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="203"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="204"/>
        <source>基本满意</source>
        <translation>Basically satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="205"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="206"/>
        <source>未回访（联系不上）</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="208"/>
        <source>回访结果</source>
        <translation>Call-back result</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="209"/>
        <source>市民意见</source>
        <translation>Citizen&apos;s comment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="211"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="217"/>
        <location filename="../../ui/widgets/timeline.py" line="233"/>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="220"/>
        <source>环节时限至</source>
        <translation>Stage due</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="226"/>
        <source>%1：</source>
        <translation>%1: </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="291"/>
        <location filename="../../ui/widgets/timeline.py" line="316"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <location filename="../../ui/actions/category_picker.py" line="90"/>
        <source>输入类别代码或名称查找，如 0102、E0102、井盖</source>
        <translation>Search category by code or name, e.g. 0102, E0102, 井盖 (manhole cover)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/category_picker.py" line="102"/>
        <source>已选：{code} {name}</source>
        <translation>Selected: {code} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/category_picker.py" line="105"/>
        <source>正在加载问题类别…</source>
        <translation>Loading problem categories…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/category_picker.py" line="140"/>
        <source>没有匹配的类别</source>
        <translation>No matching category</translation>
    </message>
    <message>
        <location filename="../../ui/actions/category_picker.py" line="143"/>
        <source>已选：{code} {path}，处置时限 {limit}</source>
        <translation>Selected: {code} {path}, handling limit {limit}</translation>
    </message>
</context>
<context>
    <name>CollapsedToasts</name>
    <message numerus="yes">
        <location filename="../../ui/notifications.py" line="195"/>
        <source>另有 %n 条提醒，点击查看提醒中心</source>
        <translation>
            <numerusform>%n more reminder: click to open the reminder centre</numerusform>
            <numerusform>%n more reminders: click to open the reminder centre</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../ui/widgets/confirm.py" line="24"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="89"/>
        <source>连接设置 — 网格化指挥调度工作站</source>
        <translation>Connection settings — Grid Dispatch Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="92"/>
        <source>内置数据库（SQLite 文件）(&amp;L)</source>
        <translation>&amp;Local database (SQLite file)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="94"/>
        <source>共享数据库（PostgreSQL）(&amp;G)</source>
        <translation>Shared database (PostgreSQL) (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="101"/>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="110"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="119"/>
        <source>可留空</source>
        <translation>may be left empty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="120"/>
        <source>密码留空则使用 ~/.pgpass 或环境变量 PGPASSWORD；在此填写的密码仅用于本次运行，不会保存</source>
        <translation>Leave the password empty to use ~/.pgpass or the PGPASSWORD environment variable; a password typed here is used for this run only and never saved</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="127"/>
        <location filename="../../ui/dialogs/connection.py" line="200"/>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="128"/>
        <location filename="../../ui/dialogs/connection.py" line="200"/>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="129"/>
        <location filename="../../ui/dialogs/connection.py" line="201"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="130"/>
        <location filename="../../ui/dialogs/connection.py" line="201"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="131"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="134"/>
        <source>测试连接(&amp;T)</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="149"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="150"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="199"/>
        <source>请填写数据库文件的位置</source>
        <translation>Enter where the database file is</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="204"/>
        <source>请填写%1</source>
        <translation>Enter the %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="207"/>
        <source>端口应为 1 到 65535 之间的整数</source>
        <translation>The port must be a whole number from 1 to 65535</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="243"/>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="256"/>
        <source>连接成功（%1）：数据库结构为最新</source>
        <translation>Connected (%1): the database schema is up to date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="257"/>
        <source>连接成功（%1）：数据库结构较旧，启动时将自动升级</source>
        <translation>Connected (%1): the schema is older and will be upgraded at start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="258"/>
        <source>连接成功（%1）：数据库为空，启动时将建立表结构并写入演示数据</source>
        <translation>Connected (%1): the database is empty; the schema and the demo data will be created at start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="259"/>
        <source>文件尚不存在：启动时将新建数据库并写入演示数据</source>
        <translation>The file does not exist yet: a new database with the demo data will be created at start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="303"/>
        <source>选择数据库文件</source>
        <translation>Choose the database file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection.py" line="304"/>
        <source>SQLite 数据库 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>SQLite databases (*.sqlite *.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="56"/>
        <source>设置 %1</source>
        <translation>Set %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="60"/>
        <source>当前：%1（%2）</source>
        <translation>Now: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="68"/>
        <source>节假日（休息）</source>
        <translation>Holiday (day off)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="70"/>
        <source>工作日（上班）</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="72"/>
        <source>按规则（清除录入）</source>
        <translation>By the rules (remove the entry)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="84"/>
        <source>如：春节调休（可选）</source>
        <translation>e.g. Spring Festival make-up day (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="89"/>
        <source>设为</source>
        <translation>Make it</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="92"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="96"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="97"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="175"/>
        <source>派遣</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="175"/>
        <source>派遣（Enter）</source>
        <translation>Dispatch (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="178"/>
        <source>推荐处置单位</source>
        <translation>Recommended handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="181"/>
        <source>正在计算推荐单位…</source>
        <translation>Working out the recommended unit…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="204"/>
        <source>处置单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="220"/>
        <source>无法推荐处置单位</source>
        <translation>No handling unit can be recommended</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="225"/>
        <source>依据：{reason}</source>
        <translation>Basis: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="226"/>
        <source>处置时限 {limit}，期限 {deadline}</source>
        <translation>Handling limit {limit}, due {deadline}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="247"/>
        <source>将改派至 {unit}（非推荐单位）</source>
        <translation>Will dispatch to {unit} (not the recommended unit)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="249"/>
        <source>将派遣至 {unit}</source>
        <translation>Will dispatch to {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="258"/>
        <source>请选择处置单位</source>
        <translation>Choose a handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="262"/>
        <source>人工改派至 {unit}</source>
        <translation>Manually dispatched to {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="264"/>
        <source>（推荐：{unit}）</source>
        <translation> (recommended: {unit})</translation>
    </message>
</context>
<context>
    <name>DomainErrors</name>
    <message>
        <location filename="../../ui/labels.py" line="294"/>
        <source>%1 处于『%2』，不能%3</source>
        <translation>%1 is “%2”: “%3” is not possible in this state</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="295"/>
        <source>%1无权%2（仅限%3）</source>
        <translation>The role %1 may not “%2” (only: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="296"/>
        <source>%1 不属于本单位，不能%2</source>
        <translation>%1 does not belong to your unit: you cannot “%2”</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="297"/>
        <source>%1 不属于本单位</source>
        <translation>%1 does not belong to your unit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="298"/>
        <source>%1 已被他人修改，请刷新后重试</source>
        <translation>%1 was changed by someone else; refresh and try again</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="299"/>
        <source>%1 已被 %2 于 %3 %4，请刷新后重试</source>
        <translation>%1 was just changed by %2 at %3 (%4); refresh and try again</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="300"/>
        <source>请填写%1</source>
        <translation>Please enter %1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="301"/>
        <source>%1填写有误：%2</source>
        <translation>Please check %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="302"/>
        <source>%1不是数字：%2</source>
        <translation>%1 is not a number: %2</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="303"/>
        <source>%1无效：%2</source>
        <translation>%1 is not valid: %2</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="304"/>
        <source>坐标须同时给出经度和纬度</source>
        <translation>Coordinates need both a longitude and a latitude</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="305"/>
        <source>坐标 %1 不在本区的单元网格内，请核对位置</source>
        <translation>The coordinates %1 are not inside any grid cell of the district; please check the location</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="306"/>
        <source>无效的位置：%1</source>
        <translation>Invalid position: %1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="308"/>
        <source>责任规则：%1 · %2 → %3</source>
        <translation>Responsibility rule: %1 · %2 → %3</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="309"/>
        <source>无匹配责任规则，按属地原则派至%1</source>
        <translation>No responsibility rule matches: sent to %1, the local subdistrict office</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="310"/>
        <source>案件 %1 不存在</source>
        <translation>Case %1 does not exist</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="311"/>
        <source>单元网格 %1 不存在</source>
        <translation>Grid cell %1 does not exist</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="312"/>
        <source>监督员 %1 不存在</source>
        <translation>Field supervisor %1 does not exist</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="313"/>
        <source>附件 %1 不存在</source>
        <translation>Attachment %1 does not exist</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="314"/>
        <source>未知的问题类别：%1</source>
        <translation>Unknown category: %1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="315"/>
        <source>未知的处置单位：%1</source>
        <translation>Unknown handling unit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="316"/>
        <source>无效的案件号：%1</source>
        <translation>Invalid case number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="317"/>
        <source>网格 %1 没有匹配的责任单位，也找不到所属街道办事处</source>
        <translation>Grid cell %1 has no responsible unit and no subdistrict office to fall back on</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="318"/>
        <source>账号或密码错误，或账号已停用</source>
        <translation>Wrong user name or password, or the account is disabled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="319"/>
        <source>账号 %1 不存在或已停用</source>
        <translation>Account %1 does not exist or is disabled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="321"/>
        <source>数据库操作超时，已取消，未写入任何内容（%1）</source>
        <translation>The database did not finish in time; the operation was cancelled and nothing was saved (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="322"/>
        <source>数据库事务空闲超时，已取消，未写入任何内容（%1）</source>
        <translation>The database transaction stayed idle too long; it was cancelled and nothing was saved (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="323"/>
        <source>无法连接数据库：服务器没有在限定时间内应答（%1）</source>
        <translation>Cannot connect to the database: the server did not answer in time (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="324"/>
        <source>无法连接数据库（%1）</source>
        <translation>Cannot connect to the database (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="325"/>
        <source>数据库正忙（另一个程序正在写入），请稍后重试（%1）</source>
        <translation>The database is busy (another program is writing); try again shortly (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="326"/>
        <source>数据库错误：%1</source>
        <translation>Database error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="327"/>
        <source>数据库的结构版本（%1）比本程序新（本程序为 %2）：它已由更新版本的工作站升级，请改用新版工作站；本版本不会读写或降级它</source>
        <translation>The database&apos;s schema version (%1) is newer than this program&apos;s (%2): a newer workstation has upgraded it. Use the newer workstation; this version will neither read, write nor downgrade it</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="328"/>
        <source>数据库结构未初始化或版本不符，请先运行 workstation db upgrade（%1）</source>
        <translation>The database schema is missing or out of date; run workstation db upgrade first (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="329"/>
        <source>案件已存在，不能重复上报</source>
        <translation>The case already exists and cannot be reported again</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="330"/>
        <source>%1需要一个已存在的案件</source>
        <translation>“%1” needs an existing case</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="331"/>
        <source>只有监督员上报的问题可以先行处置</source>
        <translation>Only problems reported by a field supervisor can be handled on site</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="332"/>
        <source>%1 的核实任务不是派给你的</source>
        <translation>The verification of %1 was not assigned to you</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="333"/>
        <source>%1 的核查任务不是派给你的</source>
        <translation>The check of %1 was not assigned to you</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="334"/>
        <source>%1 为先行处置上报，请批准或驳回先行处置</source>
        <translation>%1 was handled on site: approve or reject the on-site handling</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="335"/>
        <source>%1 来自%2，需先经监督员核实才能立案</source>
        <translation>%1 comes from %2: a field supervisor must verify it before it can be filed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="336"/>
        <source>%1 立案需要选择问题类别</source>
        <translation>Filing %1 needs a category</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="337"/>
        <source>%1 立案需要确定所在单元网格</source>
        <translation>Filing %1 needs its grid cell</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="338"/>
        <source>%1 已立案，作废需值班长批准</source>
        <translation>%1 is filed: voiding it needs the shift leader</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="339"/>
        <source>%1 已立案，合并作废需值班长批准</source>
        <translation>%1 is filed: merging it as a duplicate needs the shift leader</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="340"/>
        <source>%1 有待审批的%2申请，请先等待值班长处理</source>
        <translation>%1 has a pending %2 request: wait for the shift leader&apos;s decision first</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="341"/>
        <source>%1 已有待审批的%2申请</source>
        <translation>%1 already has a pending %2 request</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="342"/>
        <source>%1 没有待审批的%2申请</source>
        <translation>%1 has no pending %2 request</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="343"/>
        <source>%1 尚未派发核查，不能录入核查结果</source>
        <translation>%1 has not been sent for check: no check result can be entered</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="344"/>
        <source>核查不通过需要说明原因</source>
        <translation>A failed check needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="345"/>
        <source>%1 不是先行处置上报</source>
        <translation>%1 was not handled on site</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="346"/>
        <source>%1 尚未派发%2，请先派发%2</source>
        <translation>%1 has not been sent for %2: send it for %2 first</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="347"/>
        <source>%1 已在督办中，等待处置单位回复</source>
        <translation>%1 is already escalated and waits for the handling unit&apos;s reply</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="348"/>
        <source>请填写督办意见</source>
        <translation>Please enter the escalation instruction</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="349"/>
        <source>%1 没有待回复的督办</source>
        <translation>%1 has no escalation waiting for a reply</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="350"/>
        <source>请填写督办回复</source>
        <translation>Please enter the reply to the escalation</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="351"/>
        <source>%1 不能与自身合并</source>
        <translation>%1 cannot be merged with itself</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="352"/>
        <source>不能把案件与自身合并</source>
        <translation>A case cannot be merged with itself</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="353"/>
        <source>%1 已结束，不能作为原案件</source>
        <translation>%1 is finished and cannot be the original case</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="354"/>
        <source>%1 已是该类别</source>
        <translation>%1 is already in this category</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="355"/>
        <source>备注内容不能为空</source>
        <translation>The note cannot be empty</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="356"/>
        <source>%1 由监督员上报，没有需要回访的市民</source>
        <translation>%1 was reported by a field supervisor: there is no citizen to call back</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="357"/>
        <source>%1 已回访（%2），不能重复回访</source>
        <translation>%1 has already been called back (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="358"/>
        <source>回访结果应为%1之一</source>
        <translation>The call-back result must be one of: %1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="359"/>
        <source>市民不满意时请记录不满意的原因</source>
        <translation>When the citizen is dissatisfied, record why</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="360"/>
        <source>请使用上报功能登记新问题</source>
        <translation>Use Report to register a new problem</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="361"/>
        <source>请选择要并入的原案件</source>
        <translation>Choose the original case to merge into</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="362"/>
        <source>案件缺少类别或网格，无法推荐处置单位</source>
        <translation>The case has no category or grid cell: no handling unit can be recommended</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="363"/>
        <source>没有加载单元网格数据</source>
        <translation>No grid data is loaded</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="364"/>
        <source>%1 不是监督员，不能上报位置</source>
        <translation>%1 is not a field supervisor and cannot report a position</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="365"/>
        <source>%1只能%2本单位的案件</source>
        <translation>The role %1 may only %2 cases of its own unit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="366"/>
        <source>稍后提醒的时间必须晚于现在</source>
        <translation>The snooze time must be in the future</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="367"/>
        <source>%1账号未关联处置单位，无权%2</source>
        <translation>This %1 account is not linked to a handling unit and may not %2</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="368"/>
        <source>%1无权%2</source>
        <translation>The role %1 may not %2</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="369"/>
        <source>无法识别的时限：%1（%2）</source>
        <translation>Unrecognised time limit: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="370"/>
        <source>时限必须大于 0：%1（%2）</source>
        <translation>The time limit must be greater than 0: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="424"/>
        <source>案件 %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="432"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>DomainLabels</name>
    <message>
        <location filename="../../ui/labels.py" line="116"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="117"/>
        <source>基本满意</source>
        <translation>Basically satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="118"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="119"/>
        <source>未回访</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>核实</source>
        <translation>verification</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>立案</source>
        <translation>filing</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="123"/>
        <source>派遣</source>
        <translation>dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="124"/>
        <source>处置</source>
        <translation>handling</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="125"/>
        <source>核查</source>
        <translation>check</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="127"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="128"/>
        <source>即将超期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="129"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="131"/>
        <source>部件</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="132"/>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="133"/>
        <source>职能部门</source>
        <translation>Government department</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="134"/>
        <source>公用事业单位</source>
        <translation>Utility company</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="135"/>
        <source>街道办事处</source>
        <translation>Subdistrict office</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="136"/>
        <source>处置前</source>
        <translation>Before handling</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="137"/>
        <source>处置后</source>
        <translation>After handling</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="138"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="140"/>
        <source>问题描述</source>
        <translation>the description of the problem</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="141"/>
        <source>案件号</source>
        <translation>the case id</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="142"/>
        <source>案件编号</source>
        <translation>the case number</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="143"/>
        <source>作废原因</source>
        <translation>the reason for voiding</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="144"/>
        <source>处置单位</source>
        <translation>the handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="145"/>
        <source>处置时限</source>
        <translation>the handling limit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="146"/>
        <source>申请理由</source>
        <translation>the reason for the request</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="147"/>
        <source>延期时长</source>
        <translation>the extension</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>核查监督员</source>
        <translation>the checking supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>驳回理由</source>
        <translation>the reason for rejecting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150"/>
        <source>原案件</source>
        <translation>the original case</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="151"/>
        <source>重复案件</source>
        <translation>the duplicate case</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="152"/>
        <source>新的问题类别</source>
        <translation>the new category</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="153"/>
        <source>重新打开的原因</source>
        <translation>the reason for reopening</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="154"/>
        <source>重算原因</source>
        <translation>the reason for recomputing</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="155"/>
        <source>回访结果</source>
        <translation>the call-back result</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="156"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="158"/>
        <source>应为如 8 工作时、3 工作日、2 小时、30 分钟</source>
        <translation>e.g. 8 working hours, 3 working days, 2 hours, 30 minutes</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="160"/>
        <source>所有类别</source>
        <translation>all categories</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="161"/>
        <source>全区</source>
        <translation>whole district</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="251"/>
        <source>%1 工作日</source>
        <translation>%1 working days</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="252"/>
        <source>%1 工作时</source>
        <translation>%1 working hours</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="253"/>
        <source>%1 自然小时</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="254"/>
        <source>%1 分钟</source>
        <translation>%1 minutes</translation>
    </message>
</context>
<context>
    <name>DrillChip</name>
    <message>
        <location filename="../../ui/stats/drill_chip.py" line="28"/>
        <source>返回实时案件队列（Esc）</source>
        <translation>Back to the live case queue (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/drill_chip.py" line="29"/>
        <source>关闭统计钻取</source>
        <translation>Close the statistics drill-down</translation>
    </message>
    <message>
        <location filename="../../ui/stats/drill_chip.py" line="39"/>
        <source>%1（%2 件）</source>
        <translation>%1 (%2 cases)</translation>
    </message>
</context>
<context>
    <name>DuplicateList</name>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="121"/>
        <source>附近没有疑似重复的案件</source>
        <translation>No possible duplicates nearby</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="140"/>
        <source>合并重复案件</source>
        <translation>Merge duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="141"/>
        <source>将案件 %1 作为重复上报并入 %2？</source>
        <translation>Merge case %1 into %2 as a duplicate report?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="148"/>
        <source>案件 %1 将作废，记为 %2 的重复上报；照片和处置记录都会保留。</source>
        <translation>Case %1 will be voided and recorded as a duplicate of %2; its photos and history are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="152"/>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="153"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DuplicateRow</name>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="41"/>
        <source>早 %1 上报</source>
        <translation>reported %1 earlier</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="43"/>
        <source>晚 %1 上报</source>
        <translation>reported %1 later</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="45"/>
        <source>同时上报</source>
        <translation>reported at the same time</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="46"/>
        <source>同类</source>
        <translation>same category</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="46"/>
        <source>相关类别</source>
        <translation>related category</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="47"/>
        <source>相似度</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="48"/>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="64"/>
        <source>并入此案</source>
        <translation>Merge into this case</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="70"/>
        <source>该案件已结案，不能作为原案件</source>
        <translation>This case is closed and cannot be the original</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_duplicates.py" line="73"/>
        <source>将当前案件作为重复上报并入 %1（当前案件作废）</source>
        <translation>Merge the current case into %1 as a duplicate report (the current case is voided)</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="43"/>
        <source>这一项没有案件（Esc 返回实时队列）</source>
        <translation>No case here (Esc returns to the live queue)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="45"/>
        <source>没有符合“%1”的案件。这里只列在办案件和今日结案，全部历史案件请用案件检索（Ctrl+Shift+F）</source>
        <translation>No case matches “%1”. The queue lists open cases and those closed today; search every case with Case search (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="48"/>
        <source>当前筛选条件下没有案件（“清除筛选”显示全部）</source>
        <translation>No case under the current filters (Clear filters shows all)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="50"/>
        <source>待受理：没有等待受理的上报</source>
        <translation>To accept: no report is waiting</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="51"/>
        <source>待核实：没有正在核实的上报</source>
        <translation>Verifying: no report is being verified</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="52"/>
        <source>待立案：没有等待立案的案件</source>
        <translation>To file: no case is waiting to be filed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="53"/>
        <source>待派遣：没有等待派遣的案件</source>
        <translation>To dispatch: no case is waiting to be dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="54"/>
        <source>处置中：没有正在处置的案件</source>
        <translation>Handling: no case is being handled</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="55"/>
        <source>待核查：没有等待核查的案件</source>
        <translation>To check: no case is waiting for its check</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="56"/>
        <source>挂账：没有挂账的案件</source>
        <translation>Suspended: no suspended case</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="57"/>
        <source>超期：没有超期的案件</source>
        <translation>Overdue: no overdue case</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="58"/>
        <source>重点：没有督办中的案件</source>
        <translation>Key cases: none under supervision</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="59"/>
        <source>今日结案：今天还没有结案的案件</source>
        <translation>Closed today: no case closed yet today</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_empty.py" line="61"/>
        <source>没有在办案件，也没有今日结案的案件</source>
        <translation>No open case, and none closed today</translation>
    </message>
</context>
<context>
    <name>EscalationList</name>
    <message>
        <location filename="../../ui/widgets/detail_escalations.py" line="34"/>
        <source>%1 督办 · %2</source>
        <translation>%1 escalated · %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_escalations.py" line="38"/>
        <source>督办意见：%1</source>
        <translation>Instruction: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_escalations.py" line="38"/>
        <source>（未填写）</source>
        <translation>(none given)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_escalations.py" line="41"/>
        <source>待回复，已等待 %1</source>
        <translation>Awaiting reply, waiting %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_escalations.py" line="44"/>
        <source>回复：%1</source>
        <translation>Reply: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/detail_escalations.py" line="45"/>
        <source>%1 %2 回复，用时 %3</source>
        <translation>%1 replied %2, after %3</translation>
    </message>
</context>
<context>
    <name>EscalationListWindow</name>
    <message>
        <location filename="../../ui/escalation_list.py" line="40"/>
        <source>督办件</source>
        <translation>Escalations</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_list.py" line="44"/>
        <location filename="../../ui/escalation_list.py" line="76"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_list.py" line="48"/>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_list.py" line="48"/>
        <source>处置单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_list.py" line="48"/>
        <source>督办人</source>
        <translation>Escalated by</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_list.py" line="48"/>
        <source>督办时间</source>
        <translation>Escalated at</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_list.py" line="49"/>
        <source>已等待</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_list.py" line="49"/>
        <source>督办意见</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_list.py" line="58"/>
        <source>刷新（F5）</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_list.py" line="60"/>
        <source>在队列中列出</source>
        <translation>List in the queue</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_list.py" line="90"/>
        <source>待回复的督办 %1 件，等待最久的在前</source>
        <translation>%1 escalations awaiting a reply, longest waiting first</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_list.py" line="99"/>
        <source>无法读取督办件：%1</source>
        <translation>Cannot read the escalations: %1</translation>
    </message>
</context>
<context>
    <name>EscalationReplyDialog</name>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="209"/>
        <source>回复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="210"/>
        <source>督办意见：正在加载…</source>
        <translation>Instruction: loading…</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="227"/>
        <source>该案件没有待回复的督办</source>
        <translation>This case has no escalation awaiting a reply</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="231"/>
        <source>督办意见：{text}（{who} {when}）</source>
        <translation>Instruction: {text} ({who} {when})</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="232"/>
        <source>（未填写）</source>
        <translation>(none given)</translation>
    </message>
</context>
<context>
    <name>EvaluationTableModel</name>
    <message>
        <location filename="../../ui/stats/tables.py" line="87"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tables.py" line="89"/>
        <source>部门</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tables.py" line="89"/>
        <source>街道</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tables.py" line="90"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tables.py" line="92"/>
        <source>责任网格</source>
        <translation>Grid cells</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="296"/>
        <source>立案</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="296"/>
        <source>立案（Enter）</source>
        <translation>File (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="304"/>
        <source>15 位单元网格编码</source>
        <translation>15-digit grid cell code</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="308"/>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="309"/>
        <source>紧急（自然时计时，全天候）</source>
        <translation>Urgent (calendar time, round the clock)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="312"/>
        <source>问题类别</source>
        <translation>Problem category</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="313"/>
        <source>单元网格</source>
        <translation>Grid cell</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="315"/>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="339"/>
        <source>（不是有效的单元网格编码）</source>
        <translation>(not a valid grid cell code)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="348"/>
        <source>请选择问题类别</source>
        <translation>Choose a problem category</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="352"/>
        <source>请填写 15 位单元网格编码</source>
        <translation>Enter the 15-digit grid cell code</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dialogs.py" line="356"/>
        <source>单元网格 {grid} 不存在</source>
        <translation>Grid cell {grid} does not exist</translation>
    </message>
</context>
<context>
    <name>GridMapWidget</name>
    <message>
        <location filename="../../ui/map/widget.py" line="535"/>
        <source>网格</source>
        <translation>Grid cells</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="536"/>
        <location filename="../../ui/map/widget.py" line="1072"/>
        <source>界线</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="537"/>
        <source>名称</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="538"/>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="539"/>
        <location filename="../../ui/map/widget.py" line="1058"/>
        <source>监督员</source>
        <translation>Supervisors</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="540"/>
        <source>轨迹</source>
        <translation>Tracks</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="541"/>
        <source>热力</source>
        <translation>Heat map</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="542"/>
        <location filename="../../ui/map/widget.py" line="552"/>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="545"/>
        <source>单元网格（按街道着色，放大后显示网格线和编号）</source>
        <translation>Grid cells (coloured by subdistrict; zoom in for cell lines and codes)</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="546"/>
        <source>区界、街道界和社区界</source>
        <translation>District, subdistrict and community boundaries</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="547"/>
        <source>街道、社区名称和网格编号</source>
        <translation>Subdistrict and community names, grid cell codes</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="548"/>
        <source>在办案件（缩小时聚合显示件数）</source>
        <translation>Open cases (clustered with counts when zoomed out)</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="549"/>
        <source>监督员当前位置</source>
        <translation>Field supervisors&apos; current positions</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="550"/>
        <source>监督员今日轨迹</source>
        <translation>Field supervisors&apos; tracks today</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="551"/>
        <source>各网格案件数热力图（时段和类别见右侧）</source>
        <translation>Heat map of cases per grid cell (period and category on the right)</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="568"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="569"/>
        <source>近7天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="570"/>
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="571"/>
        <source>近90天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="572"/>
        <source>本年度</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="584"/>
        <source>全区</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="587"/>
        <source>显示全区（Home）；方向键平移，+/− 缩放，Shift+拖动框选，Ctrl+拖动圈选</source>
        <translation>Show the whole district (Home); arrow keys pan, +/− zoom, Shift+drag selects a box, Ctrl+drag a free area</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="607"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="608"/>
        <source>部件</source>
        <translation>Components</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="609"/>
        <source>事件</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="610"/>
        <source>部件·公用设施</source>
        <translation>Components · Public utilities</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="611"/>
        <source>部件·道路交通</source>
        <translation>Components · Roads and traffic</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="612"/>
        <source>部件·市容环境</source>
        <translation>Components · Cityscape</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="613"/>
        <source>部件·园林绿化</source>
        <translation>Components · Parks and greenery</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="614"/>
        <source>部件·房屋土地</source>
        <translation>Components · Buildings and land</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="615"/>
        <source>部件·其他设施</source>
        <translation>Components · Other facilities</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="616"/>
        <source>事件·市容环境</source>
        <translation>Events · Cityscape</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="617"/>
        <source>事件·宣传广告</source>
        <translation>Events · Publicity and advertising</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="618"/>
        <source>事件·施工管理</source>
        <translation>Events · Construction management</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="619"/>
        <source>事件·突发事件</source>
        <translation>Events · Emergencies</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="620"/>
        <source>事件·街面秩序</source>
        <translation>Events · Street order</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/map/widget.py" line="774"/>
        <source>在办案件 %n 件</source>
        <translation>
            <numerusform>%n open case</numerusform>
            <numerusform>%n open cases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="826"/>
        <source>%1（%2分钟未定位）</source>
        <translation>%1 (no position fix for %2 min)</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1015"/>
        <source>上报</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1016"/>
        <source>核实中</source>
        <translation>Verifying</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1017"/>
        <source>已立案</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1018"/>
        <source>已派遣</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1019"/>
        <source>待核查</source>
        <translation>Awaiting check</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1020"/>
        <source>挂账</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1024"/>
        <source>案件阶段</source>
        <translation>Case stage</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1033"/>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1035"/>
        <source>超期（红圈）</source>
        <translation>Overdue (red ring)</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1036"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1037"/>
        <source>督办</source>
        <translation>Key case</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1041"/>
        <source>聚合件数，红弧为超期占比</source>
        <translation>Cluster count; the red arc is the overdue share</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1051"/>
        <source>巡查中</source>
        <translation>Patrolling</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1052"/>
        <source>核实/核查中</source>
        <translation>Verifying/checking</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1053"/>
        <source>超时未定位</source>
        <translation>No recent position fix</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1054"/>
        <source>离线/休息</source>
        <translation>Offline/resting</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1057"/>
        <source>今日轨迹</source>
        <translation>Track today</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1062"/>
        <source>%1–%2 件</source>
        <translation>%1–%2 cases</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/map/widget.py" line="1063"/>
        <source>%n 件</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1067"/>
        <source>无案件</source>
        <translation>No cases</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1068"/>
        <source>热力：</source>
        <translation>Heat map: </translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1074"/>
        <source>区界</source>
        <translation>District boundary</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1075"/>
        <source>街道界</source>
        <translation>Subdistrict boundary</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1076"/>
        <source>社区界</source>
        <translation>Community boundary</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1078"/>
        <source>选中网格</source>
        <translation>Selected grid cell</translation>
    </message>
</context>
<context>
    <name>HandoverDocument</name>
    <message>
        <location filename="../../ui/handover/document.py" line="40"/>
        <source>交接班记录</source>
        <translation>Shift hand-over sheet</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="42"/>
        <source>（第 %1 号）</source>
        <translation> (No. %1)</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="46"/>
        <source>班次：%1</source>
        <translation>Shift: %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="49"/>
        <source>生成时间：%1（超期等情况为该时刻的）</source>
        <translation>Generated: %1 (overdue and other situations as of then)</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="61"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="66"/>
        <source>超期案件</source>
        <translation>Overdue cases</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="70"/>
        <source>即将超期（已用时限 80% 以上）</source>
        <translation>Nearly due (80 % or more of the limit used)</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="76"/>
        <source>督办案件</source>
        <translation>Escalated cases</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="80"/>
        <source>待审批的单位申请（延期、回退、挂账）</source>
        <translation>Units&apos; requests awaiting approval (extension, return, suspension)</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="95"/>
        <source>新上报</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="96"/>
        <source>立案</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="97"/>
        <source>派遣</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="98"/>
        <source>结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="99"/>
        <source>作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="100"/>
        <source>当前在办</source>
        <translation>Open now</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="113"/>
        <source>新上报来源：%1</source>
        <translation>Reports by source: %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="129"/>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="130"/>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="131"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="132"/>
        <location filename="../../ui/handover/document.py" line="155"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="133"/>
        <source>处置单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="134"/>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="147"/>
        <source>监督员异常</source>
        <translation>Supervisors with problems</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="152"/>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="153"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="154"/>
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="156"/>
        <source>最后定位</source>
        <translation>Last position</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="157"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="170"/>
        <source>交班值班长：%1 %2</source>
        <translation>Outgoing shift leader: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="175"/>
        <source>接班值班长：%1 %2 已确认接班</source>
        <translation>Incoming shift leader: %1 acknowledged at %2</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="180"/>
        <source>（意见：%1）</source>
        <translation> (comment: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="184"/>
        <source>接班值班长：尚未确认接班</source>
        <translation>Incoming shift leader: not acknowledged yet</translation>
    </message>
    <message>
        <location filename="../../ui/handover/document.py" line="185"/>
        <source>签收</source>
        <translation>Signatures</translation>
    </message>
</context>
<context>
    <name>HandoverPdf</name>
    <message>
        <location filename="../../ui/handover/pdf.py" line="52"/>
        <source>第 %1 页 / 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>HandoverWindow</name>
    <message>
        <location filename="../../ui/handover/window.py" line="53"/>
        <source>交接班</source>
        <translation>Shift hand-over</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="71"/>
        <source>本班</source>
        <translation>This shift</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="72"/>
        <source>上一班</source>
        <translation>Previous shift</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="73"/>
        <source>生成本班交接单</source>
        <translation>Generate this shift&apos;s sheet</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="76"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="78"/>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="87"/>
        <source>交接备注：需要接班人员跟进的事项、电话通知、设备情况等</source>
        <translation>Hand-over notes: what the next shift must follow up, phone calls, equipment…</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="89"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="92"/>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="107"/>
        <source>接班意见（可选）</source>
        <translation>Comment on taking over (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="108"/>
        <source>确认接班</source>
        <translation>Acknowledge hand-over</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="133"/>
        <source>历次交接单</source>
        <translation>Past sheets</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="184"/>
        <source>已接班：%1</source>
        <translation>Taken over: %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="185"/>
        <location filename="../../ui/handover/window.py" line="361"/>
        <source>待接班确认</source>
        <translation>Awaiting acknowledgement</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="186"/>
        <source>交班：%1</source>
        <translation>Handed over: %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="195"/>
        <source>正在读取交接单…</source>
        <translation>Reading the sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="229"/>
        <source>正在生成交接单…</source>
        <translation>Generating the sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="248"/>
        <source>该班次的交接单已确认接班，不能再保存</source>
        <translation>This shift&apos;s sheet has been acknowledged and can no longer be saved</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="250"/>
        <source>该班次已有交接单（尚未确认接班）：保存将以此替换</source>
        <translation>This shift already has a sheet (not acknowledged yet): saving replaces it</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="252"/>
        <source>请填写交接备注后保存</source>
        <translation>Write the hand-over notes before saving</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="263"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="271"/>
        <source>交接单已保存，等待接班值班长确认</source>
        <translation>Sheet saved; awaiting the incoming shift leader&apos;s acknowledgement</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="299"/>
        <source>已确认接班</source>
        <translation>Hand-over acknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="311"/>
        <source>交接班记录</source>
        <translation>Shift hand-over sheet</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="313"/>
        <source>导出交接单</source>
        <translation>Export hand-over sheet</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="314"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="328"/>
        <source>交接班记录 %1</source>
        <translation>Hand-over %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="332"/>
        <source>无法写入 PDF：%1</source>
        <translation>Cannot write the PDF: %1</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="334"/>
        <source>已导出 %1（%2 页）</source>
        <translation>Exported %1 (%2 pages)</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="355"/>
        <source>%1 已于 %2 确认接班</source>
        <translation>%1 acknowledged at %2</translation>
    </message>
    <message>
        <location filename="../../ui/handover/window.py" line="359"/>
        <source>待接班值班长确认（须由另一位值班长确认）</source>
        <translation>Awaiting the incoming shift leader (another leader must acknowledge)</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/history/model.py" line="39"/>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="39"/>
        <source>上报时间</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="39"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="39"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="40"/>
        <source>街道/社区</source>
        <translation>Street/community</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="40"/>
        <source>地址/描述</source>
        <translation>Address / description</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="40"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="41"/>
        <source>处置单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="41"/>
        <source>结案时间</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/history/model.py" line="128"/>
        <source>未分类</source>
        <translation>Unclassified</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../ui/history/window.py" line="44"/>
        <source>案件检索 — 全部历史案件</source>
        <translation>Case search — every case ever recorded</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="49"/>
        <source>检索编号、地址、描述、上报人，如 井盖、彩云路、2026112（多个词用空格分开）</source>
        <translation>Search case numbers, addresses, descriptions, reporters, e.g. a road name or 2026112 (words separated by spaces)</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="51"/>
        <source>上报日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="64"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="69"/>
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="74"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="142"/>
        <source>正在检索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="152"/>
        <source>没有符合条件的案件</source>
        <translation>No case matches</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="154"/>
        <source>已列出 %1 件，向下滚动加载更多</source>
        <translation>%1 cases listed, scroll down for more</translation>
    </message>
    <message>
        <location filename="../../ui/history/window.py" line="157"/>
        <source>共 %1 件</source>
        <translation>%1 cases</translation>
    </message>
</context>
<context>
    <name>ImpactDialog</name>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="146"/>
        <source>日历变更影响在办案件</source>
        <translation>Calendar change affects open cases</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="153"/>
        <source>此变更影响 %1 件在办案件的期限</source>
        <translation>This change moves the deadlines of %1 open case(s)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="159"/>
        <source>重算期限：按新的日历重新计算这些案件的期限，并记入各案件的处理记录。
保留原期限：已给出的期限不变；之后的环节按新的日历计时。</source>
        <translation>Recompute: these cases get the deadlines of the new calendar, recorded in each case&apos;s history.
Keep: the deadlines already given stay; later stages count by the new calendar.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="167"/>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="167"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="167"/>
        <source>处置期限（原 → 新）</source>
        <translation>Deadline (old → new)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="168"/>
        <source>环节期限（原 → 新）</source>
        <translation>Stage deadline (old → new)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="189"/>
        <source>仅列出前 %1 件（共 %2 件）</source>
        <translation>Only the first %1 of %2 cases are listed</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="193"/>
        <source>重算期限</source>
        <translation>Recompute deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="195"/>
        <source>保留原期限</source>
        <translation>Keep deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendar_dialogs.py" line="197"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LimitTexts</name>
    <message numerus="yes">
        <location filename="../../ui/labels.py" line="235"/>
        <source>%n 工作日</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/labels.py" line="237"/>
        <source>%n 工作时</source>
        <translation>
            <numerusform>%n working hour</numerusform>
            <numerusform>%n working hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/labels.py" line="239"/>
        <source>%n 自然小时</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/labels.py" line="240"/>
        <source>%n 分钟</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/login.py" line="23"/>
        <source>值班长</source>
        <translation>Shift leader</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="24"/>
        <source>派遣员</source>
        <translation>Dispatcher</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="25"/>
        <source>受理员</source>
        <translation>Call-taker</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="26"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="27"/>
        <source>处置单位：呈贡区城市管理局</source>
        <translation>Handling unit: Chenggong District Urban Management Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="40"/>
        <source>登录 — 网格化指挥调度工作站</source>
        <translation>Sign in — Grid Dispatch Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="53"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="54"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="59"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="60"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="68"/>
        <source>演示模式：以下为演示账号，密码均为 %1（双击填入）</source>
        <translation>Demo mode: the demo accounts below all use the password %1 (double-click to fill in)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="100"/>
        <source>请输入账号和密码</source>
        <translation>Enter your account and password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="103"/>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login.py" line="110"/>
        <source>监督员请使用移动端，桌面工作站不提供监督员账号登录</source>
        <translation>Field supervisors use the mobile app; supervisor accounts cannot sign in to the desktop workstation</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>网格化指挥调度工作站 — 呈贡分中心</source>
        <translation>Grid Dispatch Workstation — Chenggong Sub-centre</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <location filename="../../ui/main_window.py" line="373"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>（演示模式）</source>
        <translation> (Demo mode)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>案件详情</source>
        <translation>Case details</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <location filename="../../ui/main_window.py" line="372"/>
        <source>提醒中心</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>网格地图</source>
        <translation>Grid map</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>监督员状态</source>
        <translation>Field supervisors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>演示模式</source>
        <translation>Demo mode</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>系统(&amp;F)</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>注销 / 切换用户…</source>
        <translation>Log out / switch user…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>交接班…</source>
        <translation>Shift hand-over…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>数据库连接…</source>
        <translation>Database connection…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <location filename="../../ui/main_window.py" line="513"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>案件(&amp;C)</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>案件检索（全部历史案件）…</source>
        <translation>Case search (every case)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>督办件（待回复，等待最久的在前）</source>
        <translation>Escalations (awaiting reply, longest waiting first)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>待回访（近 7 天结案的市民上报）</source>
        <translation>To call back (citizens&apos; reports closed in the last 7 days)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>地图图层</source>
        <translation>Map layers</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>演示</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>统计分析(&amp;S)</source>
        <translation>&amp;Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>统计分析…</source>
        <translation>Statistics…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>审计记录…</source>
        <translation>Audit trail…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>管理(&amp;A)</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>工作日历…</source>
        <translation>Working calendar…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>督办件：待处置单位回复的督办</source>
        <translation>Escalations awaiting the handling unit&apos;s reply</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="335"/>
        <source>待回访：近 7 天结案、尚未回访的市民上报</source>
        <translation>To call back: citizens&apos; reports closed in the last 7 days, not called back yet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>无</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>网格 %1 · %2 %3 · 监督员 %4 · 在办 %5 件（超期 %6 件）</source>
        <translation>Grid cell %1 · %2 %3 · Supervisor %4 · Open: %5 (overdue: %6)</translation>
    </message>
    <message>
        <location filename="../../ui/database_status.py" line="51"/>
        <source>数据库：本机 %1</source>
        <translation>Database: local %1</translation>
    </message>
    <message>
        <location filename="../../ui/database_status.py" line="53"/>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../ui/database_status.py" line="56"/>
        <source>数据库连接中断，正在重试…</source>
        <translation>Database connection lost, retrying…</translation>
    </message>
    <message>
        <location filename="../../ui/database_status.py" line="97"/>
        <source>已保存：下次启动时连接 %1</source>
        <translation>Saved: the next start connects to %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="479"/>
        <source>布局</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="482"/>
        <source>保存为%1的布局</source>
        <translation>Save as the %1 layout</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="485"/>
        <source>恢复%1的布局</source>
        <translation>Restore the %1 layout</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="488"/>
        <source>恢复默认布局</source>
        <translation>Reset to the default layout</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>已保存为%1的布局：本角色的新账号从此布局开始</source>
        <translation>Saved as the %1 layout: new accounts of this role start from it</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="500"/>
        <source>%1还没有保存的布局</source>
        <translation>No %1 layout has been saved yet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="510"/>
        <source>退出网格化指挥调度工作站？</source>
        <translation>Quit the Grid Dispatch Workstation?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="512"/>
        <source>对话框中有尚未提交的内容，退出后将丢失。</source>
        <translation>A dialog holds input that has not been submitted; it will be lost.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <location filename="../../ui/main_window.py" line="520"/>
        <source>注销</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="519"/>
        <source>对话框中有尚未提交的内容，注销后将丢失。仍要注销吗？</source>
        <translation>A dialog holds input that has not been submitted; logging out loses it. Log out anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="536"/>
        <location filename="../../ui/main_window.py" line="538"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="537"/>
        <source>对话框中有尚未提交的内容，关闭后将丢失。仍要关闭吗？</source>
        <translation>A dialog holds input that has not been submitted; closing loses it. Close anyway?</translation>
    </message>
</context>
<context>
    <name>MapOverlay</name>
    <message>
        <location filename="../../ui/map/overlay.py" line="172"/>
        <source>%1 公里</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../../ui/map/overlay.py" line="175"/>
        <source>%1 米</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="94"/>
        <source>合并重复案件</source>
        <translation>Merge duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="95"/>
        <source>合并（Enter）</source>
        <translation>Merge (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="98"/>
        <source>原案件的案件编号（13 位）或序号</source>
        <translation>Case number of the original (13 digits) or its serial number</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="102"/>
        <source>合并后本案件作废（重复上报），其记录并入原案件。</source>
        <translation>After merging, this case is voided (duplicate report) and its records join the original case.</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="105"/>
        <source>原案件</source>
        <translation>Original case</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="124"/>
        <source>案件编号应为数字</source>
        <translation>A case number is all digits</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="135"/>
        <source>未找到案件 {ref}</source>
        <translation>Case {ref} not found</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="143"/>
        <source>请填写原案件的案件编号</source>
        <translation>Enter the case number of the original case</translation>
    </message>
</context>
<context>
    <name>MiniMap</name>
    <message>
        <location filename="../../ui/map/widget.py" line="1136"/>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1137"/>
        <source>本案件</source>
        <translation>This case</translation>
    </message>
    <message>
        <location filename="../../ui/map/widget.py" line="1138"/>
        <source>候选单位责任区</source>
        <translation>Candidate unit&apos;s area of responsibility</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/operations.py" line="101"/>
        <source>与数据库的连接已断开，正在重试；请稍后再试</source>
        <translation>The database connection was lost and is being re-established; try again shortly</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="105"/>
        <source>内部错误：%1</source>
        <translation>Internal error: %1</translation>
    </message>
</context>
<context>
    <name>OutageBanner</name>
    <message>
        <location filename="../../ui/widgets/outage_banner.py" line="40"/>
        <source>数据库连接中断，正在重连…</source>
        <translation>Connection to the database lost; reconnecting…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outage_banner.py" line="42"/>
        <source>数据库连接中断，正在重连…（显示的是 %1 的数据，可能已过期）</source>
        <translation>Connection to the database lost; reconnecting… (showing the data of %1, which may be out of date)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outage_banner.py" line="44"/>
        <source>期间无法保存操作；恢复后自动补齐其他席位的变化。</source>
        <translation>Actions cannot be saved meanwhile; other desks&apos; changes will be caught up when it is back.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outage_banner.py" line="53"/>
        <source>数据库连接已恢复，中断期间的变化已补齐</source>
        <translation>Connection to the database restored; the changes made meanwhile are in</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="21"/>
        <source>处置前</source>
        <translation>Before handling</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="22"/>
        <source>处置后</source>
        <translation>After handling</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="23"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="61"/>
        <source>暂无照片或附件</source>
        <translation>No photos or attachments</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="112"/>
        <source>点击查看大图</source>
        <translation>Click to view full size</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="54"/>
        <source>照片 %1 无法显示（%2）</source>
        <translation>Photo %1 cannot be shown (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="137"/>
        <source>查看照片</source>
        <translation>Photo viewer</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="145"/>
        <source>◀ 上一张</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="146"/>
        <source>下一张 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="147"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="148"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="149"/>
        <source>适应窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="150"/>
        <source>原始大小 1:1</source>
        <translation>Actual size 1:1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="232"/>
        <source>正在加载原图…</source>
        <translation>Loading the full image…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="248"/>
        <source>原图 %1 × %2 像素</source>
        <translation>Full image %1 × %2 px</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_viewer.py" line="256"/>
        <source>无法加载原图：</source>
        <translation>Cannot load the full image: </translation>
    </message>
</context>
<context>
    <name>PhraseButton</name>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="78"/>
        <source>惯用语</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="79"/>
        <source>插入常用的意见（惯用语）；可编辑自己的惯用语</source>
        <translation>Insert a canned phrase; you can edit your own phrases</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="104"/>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="111"/>
        <source>我的惯用语</source>
        <translation>My phrases</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="117"/>
        <source>（暂无惯用语）</source>
        <translation>(no phrases yet)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="119"/>
        <source>编辑惯用语…</source>
        <translation>Edit phrases…</translation>
    </message>
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="45"/>
        <source>通用（所有意见框）</source>
        <translation>General (every opinion box)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="46"/>
        <source>派遣意见</source>
        <translation>Dispatch comment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="47"/>
        <source>催办</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="48"/>
        <source>督办意见</source>
        <translation>Escalation instruction</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="49"/>
        <source>督办回复</source>
        <translation>Escalation reply</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="50"/>
        <source>处置反馈</source>
        <translation>Handling feedback</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="51"/>
        <source>申请理由（回退、延期、挂账）</source>
        <translation>Request reason (return, extension, suspension)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="52"/>
        <source>审批意见</source>
        <translation>Approval comment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="53"/>
        <source>驳回理由</source>
        <translation>Rejection reason</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="54"/>
        <source>核查意见</source>
        <translation>Check comment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="55"/>
        <source>核查不通过原因</source>
        <translation>Why the check failed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="56"/>
        <source>作废原因</source>
        <translation>Void reason</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="57"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="138"/>
        <source>编辑惯用语</source>
        <translation>Edit phrases</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="150"/>
        <source>我的惯用语</source>
        <translation>My phrases</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="152"/>
        <source>共享惯用语（全中心）</source>
        <translation>Shared phrases (whole centre)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="158"/>
        <source>输入新的惯用语，按“添加”</source>
        <translation>Type a new phrase and press Add</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="160"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="164"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="165"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="166"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="177"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="179"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="184"/>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="185"/>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="253"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/phrases.py" line="265"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>PresenceTracker</name>
    <message>
        <location filename="../../ui/presence.py" line="134"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/presence.py" line="136"/>
        <source>⚠ %1正在「%2」此案件，请避免重复操作</source>
        <translation>⚠ %1 is doing “%2” on this case: avoid doing it twice</translation>
    </message>
    <message>
        <location filename="../../ui/presence.py" line="139"/>
        <source>%1也在查看此案件</source>
        <translation>%1 is viewing this case too</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../../ui/labels.py" line="111"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="43"/>
        <source>街道</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="44"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="45"/>
        <source>大类</source>
        <translation>Major class</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="46"/>
        <source>小类</source>
        <translation>Minor class</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="47"/>
        <source>处置单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="48"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="49"/>
        <source>紧急程度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="50"/>
        <source>时段</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="51"/>
        <source>全部时段</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="51"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="51"/>
        <source>近3天</source>
        <translation>Last 3 days</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="51"/>
        <source>近7天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="52"/>
        <source>自定义…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="68"/>
        <source>来自地图的网格筛选，点击清除</source>
        <translation>Grid cell filter from the map; click to clear</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="77"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="78"/>
        <source>清除全部筛选条件和搜索</source>
        <translation>Clear all filters and the search</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="123"/>
        <source>全部街道</source>
        <translation>All subdistricts</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="125"/>
        <source>全部大类</source>
        <translation>All major classes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="127"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="128"/>
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="129"/>
        <source>全部缓急</source>
        <translation>All priorities</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="133"/>
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="139"/>
        <source>全部小类</source>
        <translation>All minor classes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/queue_filters.py" line="195"/>
        <source>已选区域：%n 个网格 ×</source>
        <translation>
            <numerusform>Area: %n grid cell ×</numerusform>
            <numerusform>Area: %n grid cells ×</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_filters.py" line="197"/>
        <source>网格 %1 ×</source>
        <translation>Grid cell %1 ×</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/panels/queue.py" line="130"/>
        <source>搜索编号、地址、描述、单位、类别、街道社区（Ctrl+F）</source>
        <translation>Search no., address, description, unit, category, area (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="174"/>
        <source>下一件新到案件</source>
        <translation>Next new case</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="186"/>
        <location filename="../../ui/panels/queue.py" line="284"/>
        <source>正在加载案件…</source>
        <translation>Loading cases…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="227"/>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="227"/>
        <source>上报时间</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="228"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="228"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="229"/>
        <source>街道/社区</source>
        <translation>Subdistrict/Community</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="229"/>
        <source>地址/描述</source>
        <translation>Address/description</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="230"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="230"/>
        <source>剩余时限</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="231"/>
        <source>处置单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="231"/>
        <source>督办</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="231"/>
        <source>催办</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="232"/>
        <source>网格</source>
        <translation>Grid cell</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="328"/>
        <source>加载案件失败：%1</source>
        <translation>Loading the cases failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="478"/>
        <source>统计钻取：共 %1 件</source>
        <translation>Statistics drill-down: %1 cases</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="480"/>
        <source>，其中已结案 %1 件</source>
        <translation>, %1 of them closed</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="484"/>
        <source>在办案件 %1 件</source>
        <translation>Open cases: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="486"/>
        <source>，今日结案 %1 件</source>
        <translation>, closed today: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="551"/>
        <source>没有新到的案件</source>
        <translation>No new cases</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="482"/>
        <location filename="../../ui/panels/queue.py" line="489"/>
        <source>显示 %1 件</source>
        <translation>Shown: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/queue.py" line="492"/>
        <source>，新到 %1 件未查看</source>
        <translation>, new and unseen: %1</translation>
    </message>
</context>
<context>
    <name>RankedBarChart</name>
    <message>
        <location filename="../../ui/stats/charts.py" line="201"/>
        <source>目标 %1%</source>
        <translation>Target %1%</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="147"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="147"/>
        <source>原因（可选）</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="155"/>
        <source>延期时长</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="162"/>
        <source>请选择或填写原因</source>
        <translation>Choose or enter a reason</translation>
    </message>
</context>
<context>
    <name>ReasonField</name>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="111"/>
        <source>（请选择常用原因，或在下方填写）</source>
        <translation>(choose a common reason, or type one below)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="116"/>
        <source>补充说明（可直接填写原因）</source>
        <translation>Details (or type the reason here)</translation>
    </message>
</context>
<context>
    <name>ReclassifyDialog</name>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="153"/>
        <source>重新分类</source>
        <translation>Reclassify</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="154"/>
        <source>确定（Enter）</source>
        <translation>OK (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="156"/>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="158"/>
        <source>当前类别</source>
        <translation>Current category</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="159"/>
        <source>新的类别</source>
        <translation>New category</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="167"/>
        <source>请选择新的问题类别</source>
        <translation>Choose the new problem category</translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message>
        <location filename="../../ui/panels/reminders.py" line="156"/>
        <source>按类型筛选</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="157"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="164"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="167"/>
        <source>弹出通知</source>
        <translation>Pop-up notifications</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="171"/>
        <source>提示音</source>
        <translation>Sound</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="175"/>
        <source>恢复已确认和稍后提醒的事项</source>
        <translation>Restore acknowledged and snoozed items</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="176"/>
        <source>值班长恢复全班的；其他人恢复自己确认或稍后提醒的</source>
        <translation>The shift leader restores anyone&apos;s; others restore what they acknowledged or snoozed</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="188"/>
        <location filename="../../ui/panels/reminders.py" line="604"/>
        <source>显示已确认</source>
        <translation>Show acknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="191"/>
        <source>同时列出本班已确认和稍后提醒的事项（谁、何时）</source>
        <translation>Also list what the shift acknowledged or snoozed (who, when)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="226"/>
        <location filename="../../ui/panels/reminders.py" line="609"/>
        <source>当前没有需要关注的事项</source>
        <translation>Nothing needs attention right now</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="234"/>
        <location filename="../../ui/panels/reminders.py" line="560"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="235"/>
        <source>在案件队列中选中该案件（回车或双击）</source>
        <translation>Select the case in the queue (Enter or double-click)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="237"/>
        <location filename="../../ui/panels/reminders.py" line="562"/>
        <source>确认</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="239"/>
        <source>已知晓：隐藏该提醒，情况变化时再提醒（Delete）</source>
        <translation>Acknowledged: hide this reminder until the situation changes (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="242"/>
        <location filename="../../ui/panels/reminders.py" line="563"/>
        <source>稍后提醒</source>
        <translation>Snooze</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/reminders.py" line="246"/>
        <location filename="../../ui/panels/reminders.py" line="565"/>
        <source>%n 分钟后</source>
        <translation>
            <numerusform>In %n minute</numerusform>
            <numerusform>In %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="249"/>
        <location filename="../../ui/panels/reminders.py" line="571"/>
        <source>催办</source>
        <translation>Remind</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="251"/>
        <source>催促处置单位尽快办理（记录催办并计数）</source>
        <translation>Remind the handling unit to act quickly (recorded and counted)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="254"/>
        <location filename="../../ui/panels/reminders.py" line="568"/>
        <source>恢复提醒</source>
        <translation>Restore reminder</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="256"/>
        <source>取消所选事项的确认或稍后提醒，全班重新提醒</source>
        <translation>Undo the acknowledgement or snooze of the selected items: the whole shift is reminded again</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/panels/reminders.py" line="584"/>
        <source>需要关注 %n 项</source>
        <translation>
            <numerusform>%n item needs attention</numerusform>
            <numerusform>%n items need attention</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="591"/>
        <source>超期/紧急 %1</source>
        <translation>Overdue/urgent %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="592"/>
        <source>即将超期 %1</source>
        <translation>Due soon %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="593"/>
        <source>待审批 %1</source>
        <translation>Pending approval %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="603"/>
        <source>显示已确认 (%1)</source>
        <translation>Show acknowledged (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/reminders.py" line="607"/>
        <source>该类型暂无事项</source>
        <translation>No items of this type</translation>
    </message>
</context>
<context>
    <name>ReminderTexts</name>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="36"/>
        <location filename="../../ui/widgets/reminder_model.py" line="54"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="37"/>
        <location filename="../../ui/widgets/reminder_model.py" line="53"/>
        <source>核查超期</source>
        <translation>Check overdue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="38"/>
        <source>紧急上报</source>
        <translation>Urgent report</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="39"/>
        <location filename="../../ui/widgets/reminder_model.py" line="62"/>
        <source>即将超期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="40"/>
        <source>待审批申请</source>
        <translation>Pending request</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="41"/>
        <source>先行处置待审批</source>
        <translation>On-site handling awaits approval</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="49"/>
        <source>处置超期</source>
        <translation>Handling overdue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="50"/>
        <source>立案超时</source>
        <translation>Filing overdue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="51"/>
        <source>派遣超时</source>
        <translation>Dispatch overdue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="52"/>
        <source>核实超时</source>
        <translation>Verification overdue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="57"/>
        <source>处置即将超期</source>
        <translation>Handling due soon</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="58"/>
        <source>立案即将超时</source>
        <translation>Filing due soon</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="59"/>
        <source>派遣即将超时</source>
        <translation>Dispatch due soon</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="60"/>
        <source>核实即将超时</source>
        <translation>Verification due soon</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="61"/>
        <source>核查即将超期</source>
        <translation>Check due soon</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="65"/>
        <source>延期申请待审批</source>
        <translation>Extension request awaits approval</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="66"/>
        <source>回退申请待审批</source>
        <translation>Return request awaits approval</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="67"/>
        <source>挂账申请待审批</source>
        <translation>Suspension request awaits approval</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="68"/>
        <source>申请待审批</source>
        <translation>Request awaits approval</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="73"/>
        <source>延</source>
        <translation>E</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="73"/>
        <source>退</source>
        <translation>R</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="74"/>
        <source>挂</source>
        <translation>S</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="74"/>
        <source>审</source>
        <translation>A</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="76"/>
        <source>超</source>
        <translation>O</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="77"/>
        <source>核</source>
        <translation>C</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="78"/>
        <source>急</source>
        <translation>U</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="79"/>
        <source>警</source>
        <translation>W</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="80"/>
        <source>先</source>
        <translation>H</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="86"/>
        <source>不到 1 分钟</source>
        <translation>under 1 minute</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/reminder_model.py" line="88"/>
        <source>%n 分钟</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/reminder_model.py" line="92"/>
        <source>%n 小时</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="93"/>
        <source>%1 小时 %2 分</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/reminder_model.py" line="96"/>
        <source>%n 天</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="97"/>
        <source>%1 天 %2 小时</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="103"/>
        <source>超期 %1</source>
        <translation>Overdue by %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="105"/>
        <source>已用 %1%</source>
        <translation>%1% used</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="107"/>
        <source>刚刚</source>
        <translation>just now</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="108"/>
        <source>%1前</source>
        <translation>%1 ago</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="111"/>
        <source>（无描述）</source>
        <translation>(no description)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="113"/>
        <location filename="../../ui/widgets/reminder_model.py" line="139"/>
        <source>期限 %1</source>
        <translation>due %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/reminder_model.py" line="117"/>
        <source>已催办 %n 次</source>
        <translation>
            <numerusform>Reminded %n time</numerusform>
            <numerusform>Reminded %n times</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="129"/>
        <source>%1 已确认</source>
        <translation>%1 acknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="132"/>
        <source>%1 设为稍后提醒（%2 再提醒）</source>
        <translation>%1 snoozed it (reminds again at %2)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/reminder_model.py" line="133"/>
        <source>%1 设的稍后提醒已到时</source>
        <translation>%1&apos;s snooze has ended</translation>
    </message>
</context>
<context>
    <name>RequestKind</name>
    <message>
        <location filename="../../ui/labels.py" line="106"/>
        <source>回退</source>
        <translation>return</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>延期</source>
        <translation>extension</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="108"/>
        <source>挂账</source>
        <translation>suspension</translation>
    </message>
</context>
<context>
    <name>RevisitDialog</name>
    <message>
        <location filename="../../ui/actions/revisit.py" line="21"/>
        <source>回访</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location filename="../../ui/actions/revisit.py" line="21"/>
        <source>记录回访（Enter）</source>
        <translation>Record call-back (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/revisit.py" line="24"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/actions/revisit.py" line="25"/>
        <source>基本满意</source>
        <translation>Basically satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/actions/revisit.py" line="26"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/actions/revisit.py" line="27"/>
        <source>未回访（联系不上）</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <location filename="../../ui/actions/revisit.py" line="43"/>
        <source>市民意见（不满意时必填）</source>
        <translation>Citizen&apos;s comment (required when dissatisfied)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/revisit.py" line="44"/>
        <source>回访结果</source>
        <translation>Call-back result</translation>
    </message>
    <message>
        <location filename="../../ui/actions/revisit.py" line="45"/>
        <source>市民意见</source>
        <translation>Citizen&apos;s comment</translation>
    </message>
    <message>
        <location filename="../../ui/actions/revisit.py" line="58"/>
        <source>请选择回访结果</source>
        <translation>Choose the call-back result</translation>
    </message>
    <message>
        <location filename="../../ui/actions/revisit.py" line="62"/>
        <source>市民不满意时请记录不满意的原因</source>
        <translation>When the citizen is dissatisfied, record why</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../ui/labels.py" line="98"/>
        <source>受理员</source>
        <translation>Call-taker</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>值班长</source>
        <translation>Shift leader</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100"/>
        <source>派遣员</source>
        <translation>Dispatcher</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>处置单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="103"/>
        <source>监督员</source>
        <translation>Field supervisor</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="324"/>
        <location filename="../../ui/actions/shortcuts.py" line="341"/>
        <source>快捷键一览</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="328"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="329"/>
        <source>重新加载案件队列</source>
        <translation>Reload the case queue</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="330"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="331"/>
        <source>搜索案件编号、地址、描述、处置单位</source>
        <translation>Search case number, address, description, handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="332"/>
        <source>↑ ↓ Home End / Space</source>
        <translation>↑ ↓ Home End / Space</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="332"/>
        <source>选择案件</source>
        <translation>Select cases</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="333"/>
        <source>在队列中移动并选中案件，Space 选中当前行；Shift/Ctrl 加方向键或点击可多选</source>
        <translation>Move through the queue and select cases; Space selects the current row; Shift/Ctrl with arrow keys or clicks selects several</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="334"/>
        <source>确认 / 取消</source>
        <translation>Confirm / cancel</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="334"/>
        <source>在对话框中接受（如推荐单位）或取消</source>
        <translation>Accept (e.g. the recommended unit) or cancel in a dialog</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="335"/>
        <source>下一件新到案件</source>
        <translation>Next new case</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="335"/>
        <source>跳到并选中下一件新到（高亮）的案件</source>
        <translation>Go to and select the next newly arrived (highlighted) case</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="336"/>
        <source>按环节筛选</source>
        <translation>Filter by stage</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="337"/>
        <source>待受理、待核实、待立案、待派遣、处置中、待核查、挂账、超期、重点；0 全部</source>
        <translation>To accept, verifying, to file, to dispatch, handling, to check, suspended, overdue, key; 0 all</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="338"/>
        <source>注销 / 切换用户</source>
        <translation>Log out / switch user</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="339"/>
        <source>保存本人的布局与筛选，回到登录</source>
        <translation>Keep your own layout and filters and return to the login</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="340"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="340"/>
        <source>退出前确认</source>
        <translation>Asks before quitting</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="341"/>
        <source>显示本说明</source>
        <translation>Show this help</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="343"/>
        <source>案件检索</source>
        <translation>Case search</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="344"/>
        <source>检索全部历史案件（含已结案、已作废），选中即在详情中查看</source>
        <translation>Search every case ever recorded (closed and voided too); the chosen one shows in the detail</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="345"/>
        <source>督办件</source>
        <translation>Escalations</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="346"/>
        <source>在队列中列出待处置单位回复的督办，等待最久的在前</source>
        <translation>List the escalations awaiting the unit&apos;s reply in the queue, longest waiting first</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="348"/>
        <source>交接班</source>
        <translation>Shift hand-over</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="349"/>
        <source>本班交接单：生成、填写交接事项、确认接班、导出PDF</source>
        <translation>This shift&apos;s hand-over sheet: generate, write the notes, acknowledge, export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="350"/>
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="351"/>
        <source>图表、考核评价表与绩效目标；点击图中的柱或表中的数字列出其案件</source>
        <translation>Charts, evaluation tables and performance targets; click a bar or a figure to list its cases</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="353"/>
        <source>待回访</source>
        <translation>To call back</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="354"/>
        <source>在队列中列出近 7 天结案、尚未回访的市民上报</source>
        <translation>List the citizens&apos; reports closed in the last 7 days and not called back yet in the queue</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="356"/>
        <source>工作日历</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="357"/>
        <source>节假日、调休工作日、办公时段与环节时限</source>
        <translation>Holidays, make-up working days, office hours and stage limits</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="380"/>
        <source>最快流程：登录后光标在队列首行（最新上报），Space 选中 → F2 立案（类别已预填）→ Enter → F3 派遣（已选中推荐单位）→ Enter；处理其他案件时新到的上报：N 跳转并选中</source>
        <translation>Fastest path: after login the cursor rests on the queue&apos;s first row (the newest report); Space selects it → F2 file (category prefilled) → Enter → F3 dispatch (recommended unit preselected) → Enter; a report that arrives while you work on another case: N goes to it and selects it</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="384"/>
        <source>最快流程：Ctrl+4 显示待派遣 → Space 选中 → F3 派遣（已选中推荐单位）→ Enter</source>
        <translation>Fastest path: Ctrl+4 shows the cases to dispatch → Space selects → F3 dispatch (recommended unit preselected) → Enter</translation>
    </message>
    <message>
        <location filename="../../ui/actions/shortcuts.py" line="387"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SimulationRunner</name>
    <message>
        <location filename="../../ui/simulation.py" line="162"/>
        <source>点击暂停或继续外业模拟（下次启动时保持此状态）</source>
        <translation>Click to pause or resume the field simulation (kept at the next start)</translation>
    </message>
    <message>
        <location filename="../../ui/simulation.py" line="166"/>
        <source>模拟运行中</source>
        <translation>Simulation running</translation>
    </message>
    <message>
        <location filename="../../ui/simulation.py" line="166"/>
        <source>模拟已暂停</source>
        <translation>Simulation paused</translation>
    </message>
    <message>
        <location filename="../../ui/simulation.py" line="177"/>
        <source>倍速必须是正数</source>
        <translation>The speed must be positive</translation>
    </message>
    <message>
        <location filename="../../ui/simulation.py" line="184"/>
        <source>运行外业模拟</source>
        <translation>Run field simulation</translation>
    </message>
    <message>
        <location filename="../../ui/simulation.py" line="188"/>
        <source>监督员巡查、上报、核实核查，处置单位反馈（演示模式）</source>
        <translation>Field supervisors patrol, report, verify and check; handling units report back (demo mode)</translation>
    </message>
    <message>
        <location filename="../../ui/simulation.py" line="198"/>
        <source>实时（1×）</source>
        <translation>Real time (1×)</translation>
    </message>
    <message>
        <location filename="../../ui/simulation.py" line="199"/>
        <source>%1 倍速</source>
        <translation>%1× speed</translation>
    </message>
    <message>
        <location filename="../../ui/simulation.py" line="224"/>
        <source>数据库中没有网格和监督员，请先生成演示数据</source>
        <translation>The database has no grid cells or field supervisors; build the demo data first</translation>
    </message>
    <message>
        <location filename="../../ui/simulation.py" line="243"/>
        <source>无法启动外业模拟：%1</source>
        <translation>Cannot start the field simulation: %1</translation>
    </message>
    <message>
        <location filename="../../ui/simulation.py" line="291"/>
        <source>外业模拟出错，已停止：%1</source>
        <translation>The field simulation failed and was stopped: %1</translation>
    </message>
    <message>
        <location filename="../../ui/simulation.py" line="295"/>
        <source>位置 %1 次，上报 %2 件，核实 %3 件，核查通过 %4 件、不通过 %5 件，处置反馈 %6 件，回退/延期申请 %7 件</source>
        <translation>Positions %1, reports %2, verifications %3, checks passed %4 and failed %5, feedback %6, return/extension requests %7</translation>
    </message>
</context>
<context>
    <name>StageBar</name>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="61"/>
        <source>待受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="62"/>
        <source>待核实</source>
        <translation>Verifying</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="63"/>
        <source>待立案</source>
        <translation>To file</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="64"/>
        <source>待派遣</source>
        <translation>To dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="65"/>
        <source>处置中</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="66"/>
        <source>待核查</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="67"/>
        <source>挂账</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="68"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="69"/>
        <source>重点</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="70"/>
        <source>今日结案</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="71"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="76"/>
        <source>热线、来访、上级平台的上报，尚未派发核实</source>
        <translation>Reports from the hotline, walk-ins and higher-level platforms not yet sent for verification</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="77"/>
        <source>已派监督员现场核实</source>
        <translation>A field supervisor is verifying on site</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="78"/>
        <source>监督员上报、已核实的上报、待批准的先行处置</source>
        <translation>Supervisor reports, verified reports and on-site handling awaiting approval</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="79"/>
        <source>已立案，待派遣处置单位</source>
        <translation>Filed, awaiting dispatch to a handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="80"/>
        <source>已派遣，处置单位处置中</source>
        <translation>Dispatched, the handling unit is working on it</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="81"/>
        <source>处置单位已反馈，待监督员核查</source>
        <translation>The handling unit has reported back; awaiting the field supervisor&apos;s check</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="82"/>
        <source>已批准挂账，处置时限暂停</source>
        <translation>Suspension approved; the handling clock is paused</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="83"/>
        <source>在办且当前环节已超过时限</source>
        <translation>Open, and the current stage is past its limit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="84"/>
        <source>督办中的在办案件</source>
        <translation>Open cases under escalation</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="85"/>
        <source>今天结案的案件</source>
        <translation>Cases closed today</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stage_bar.py" line="86"/>
        <source>全部在办案件和今日结案</source>
        <translation>All open cases and those closed today</translation>
    </message>
</context>
<context>
    <name>StageTimeChart</name>
    <message>
        <location filename="../../ui/stats/charts.py" line="228"/>
        <source>中位数</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../../ui/stats/charts.py" line="229"/>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <location filename="../../ui/stats/charts.py" line="245"/>
        <source>工作时长（小时）</source>
        <translation>Working time (hours)</translation>
    </message>
</context>
<context>
    <name>StartupProblemDialog</name>
    <message>
        <location filename="../../ui/dialogs/startup_problem.py" line="30"/>
        <source>无法打开数据库 — 网格化指挥调度工作站</source>
        <translation>Cannot open the database — Grid Dispatch Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/startup_problem.py" line="42"/>
        <location filename="../../ui/dialogs/startup_problem.py" line="81"/>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/startup_problem.py" line="54"/>
        <source>重试(&amp;R)</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/startup_problem.py" line="56"/>
        <source>连接设置(&amp;S)…</source>
        <translation>Connection &amp;settings…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/startup_problem.py" line="58"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <location filename="../../ui/stats/labels.py" line="23"/>
        <source>立案数</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="24"/>
        <source>未派遣数</source>
        <translation>Not dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="25"/>
        <source>应处置数</source>
        <translation>Due to handle</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="26"/>
        <source>处置数</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="27"/>
        <source>按期处置数</source>
        <translation>Handled on time</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="28"/>
        <source>按期处置率</source>
        <translation>On-time handling rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="29"/>
        <source>处置率</source>
        <translation>Handling rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="30"/>
        <source>应结案数</source>
        <translation>Due to close</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="31"/>
        <location filename="../../ui/stats/labels.py" line="74"/>
        <source>结案数</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="32"/>
        <source>按期结案数</source>
        <translation>Closed on time</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="33"/>
        <source>结案率</source>
        <translation>Closing rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="34"/>
        <source>按期结案率</source>
        <translation>On-time closing rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="35"/>
        <source>返工数</source>
        <translation>Rework</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="36"/>
        <source>返工率</source>
        <translation>Rework rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="37"/>
        <source>延期数</source>
        <translation>Extended</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="38"/>
        <source>延期率</source>
        <translation>Extension rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="39"/>
        <source>超期未处置数</source>
        <translation>Overdue, not handled</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="40"/>
        <source>上报数</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="41"/>
        <source>有效上报数</source>
        <translation>Valid reports</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="42"/>
        <source>有效上报率</source>
        <translation>Valid report rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="43"/>
        <source>应核实数</source>
        <translation>Verifications due</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="44"/>
        <source>按时核实数</source>
        <translation>Verified on time</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="45"/>
        <source>按时核实率</source>
        <translation>On-time verification rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="46"/>
        <source>应核查数</source>
        <translation>Checks due</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="47"/>
        <source>按时核查数</source>
        <translation>Checked on time</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="48"/>
        <source>按时核查率</source>
        <translation>On-time check rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="49"/>
        <source>漏报数</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="50"/>
        <source>漏报率</source>
        <translation>Missed rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="51"/>
        <source>受理数</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="52"/>
        <source>应派发核实数</source>
        <translation>Verification tasks due</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="53"/>
        <source>核实按时派发数</source>
        <translation>Verification tasks sent on time</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="54"/>
        <source>核实按时派发率</source>
        <translation>On-time verification dispatch rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="55"/>
        <source>派发核查数</source>
        <translation>Check tasks sent</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="56"/>
        <source>核查按时派发数</source>
        <translation>Check tasks sent on time</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="57"/>
        <source>核查按时派发率</source>
        <translation>On-time check dispatch rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="58"/>
        <source>按时立案数</source>
        <translation>Filed on time</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="59"/>
        <source>按时立案率</source>
        <translation>On-time filing rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="60"/>
        <source>准确立案率</source>
        <translation>Accurate filing rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="61"/>
        <source>派遣数</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="62"/>
        <source>按时派遣数</source>
        <translation>Dispatched on time</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="63"/>
        <source>按时派遣率</source>
        <translation>On-time dispatch rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="64"/>
        <source>准确派遣率</source>
        <translation>Accurate dispatch rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="65"/>
        <source>监督举报数</source>
        <translation>Verified public reports</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="66"/>
        <source>监督举报率</source>
        <translation>Public report rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="67"/>
        <source>每网格立案数</source>
        <translation>Filed per grid cell</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="68"/>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="69"/>
        <source>综合指标值</source>
        <translation>Composite score</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="70"/>
        <source>评价等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="73"/>
        <source>按时结案率</source>
        <translation>On-time closing rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="77"/>
        <source>核实</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="78"/>
        <location filename="../../ui/stats/labels.py" line="85"/>
        <source>立案</source>
        <translation>Filing</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="79"/>
        <location filename="../../ui/stats/labels.py" line="86"/>
        <source>派遣</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="80"/>
        <location filename="../../ui/stats/labels.py" line="87"/>
        <source>处置</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="81"/>
        <source>核查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="84"/>
        <source>上报</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="88"/>
        <source>结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="91"/>
        <source>部件</source>
        <translation>Components</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="92"/>
        <source>事件</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="95"/>
        <source>监督员上报</source>
        <translation>Supervisor report</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="96"/>
        <source>12345热线</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="97"/>
        <source>12319热线</source>
        <translation>12319 hotline</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="98"/>
        <source>来访</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="99"/>
        <source>上级平台</source>
        <translation>Higher platform</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="102"/>
        <source>专业部门</source>
        <translation>Handling units</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="103"/>
        <source>监督员</source>
        <translation>Supervisors</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="104"/>
        <source>受理员</source>
        <translation>Call-takers</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="105"/>
        <source>值班长</source>
        <translation>Shift leaders</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="106"/>
        <source>派遣员</source>
        <translation>Dispatchers</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="107"/>
        <source>街道</source>
        <translation>Subdistricts</translation>
    </message>
    <message>
        <location filename="../../ui/stats/labels.py" line="137"/>
        <source>%1分值</source>
        <translation>%1 score</translation>
    </message>
</context>
<context>
    <name>StatsFilterBar</name>
    <message>
        <location filename="../../ui/stats/filters.py" line="51"/>
        <location filename="../../ui/stats/filters.py" line="73"/>
        <source>统计期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="52"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="52"/>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="53"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="53"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="65"/>
        <location filename="../../ui/stats/filters.py" line="74"/>
        <source>街道</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="66"/>
        <location filename="../../ui/stats/filters.py" line="75"/>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="67"/>
        <location filename="../../ui/stats/filters.py" line="75"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="68"/>
        <source>处置单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="76"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="85"/>
        <location filename="../../ui/stats/filters.py" line="104"/>
        <source>全部街道</source>
        <translation>All subdistricts</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="86"/>
        <location filename="../../ui/stats/filters.py" line="115"/>
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="87"/>
        <location filename="../../ui/stats/filters.py" line="110"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="88"/>
        <location filename="../../ui/stats/filters.py" line="111"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="107"/>
        <source>部件（全部）</source>
        <translation>Components (all)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filters.py" line="107"/>
        <source>事件（全部）</source>
        <translation>Events (all)</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <location filename="../../ui/stats/window.py" line="95"/>
        <source>统计分析 — 呈贡分中心</source>
        <translation>Statistics — Chenggong Sub-centre</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="104"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="142"/>
        <source>绩效目标</source>
        <translation>Performance targets</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="163"/>
        <source>本期上报案件的流转（上报 → 立案 → 派遣 → 处置 → 结案）</source>
        <translation>Cases reported in the period (reported → filed → dispatched → handled → closed)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="166"/>
        <source>每日案件量（按来源）</source>
        <translation>Cases per day (by source)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="167"/>
        <source>每日案件量（部件 / 事件）</source>
        <translation>Cases per day (components / events)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="175"/>
        <source>案件量与流转</source>
        <translation>Volume and flow</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="179"/>
        <source>按期处置率（专业部门）</source>
        <translation>On-time handling rate (handling units)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="180"/>
        <source>结案率（专业部门）</source>
        <translation>Closing rate (handling units)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="186"/>
        <source>专业部门</source>
        <translation>Handling units</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="200"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="205"/>
        <source>监督员与岗位</source>
        <translation>Supervisors and posts</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="209"/>
        <source>各环节用时（中位数 / P90，工作时间）</source>
        <translation>Time per stage (median / P90, working time)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="211"/>
        <source>各单位处置用时中位数（小时，工作时间）</source>
        <translation>Median handling time per unit (hours, working time)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="215"/>
        <location filename="../../ui/stats/window.py" line="420"/>
        <source>环节用时</source>
        <translation>Stage times</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="227"/>
        <source>考核评价表</source>
        <translation>Evaluation tables</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="260"/>
        <source>正在统计…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="275"/>
        <source>统计失败：%1</source>
        <translation>Statistics failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="298"/>
        <source>小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="303"/>
        <source>统计期 %1；案件按其应处置、处置或结案的时间计入统计期，在办案件按统计期末（或当前时刻）判断。</source>
        <translation>Period %1; a case counts in the period in which it fell due, was handled or was closed; open cases are judged at the end of the period (or now).</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="346"/>
        <source>环比 —</source>
        <translation>vs. previous —</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="351"/>
        <source>环比 —（上期为 0）</source>
        <translation>vs. previous — (previous was 0)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="356"/>
        <source>环比 %1 %2</source>
        <translation>vs. previous %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="414"/>
        <source>全部来源</source>
        <translation>all sources</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="415"/>
        <source>上报</source>
        <translation>reported</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="417"/>
        <source>本期上报</source>
        <translation>Reported in the period</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="417"/>
        <source>已到%1</source>
        <translation>reached: %1</translation>
    </message>
    <message>
        <location filename="../../ui/stats/window.py" line="430"/>
        <source>统计：%1</source>
        <translation>Statistics: %1</translation>
    </message>
</context>
<context>
    <name>SupervisorBoard</name>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="83"/>
        <source>全部街道</source>
        <translation>All subdistricts</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="89"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="90"/>
        <source>在岗</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="91"/>
        <source>巡查中</source>
        <translation>Patrolling</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="92"/>
        <location filename="../../ui/panels/supervisors.py" line="222"/>
        <source>核实/核查中</source>
        <translation>Verifying/checking</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="93"/>
        <source>休息</source>
        <translation>Resting</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="94"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="98"/>
        <source>只看需关注</source>
        <translation>Needing attention only</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="120"/>
        <source>正在加载监督员状态…</source>
        <translation>Loading field supervisor status…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="128"/>
        <location filename="../../ui/panels/supervisors.py" line="209"/>
        <source>更新于 %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="133"/>
        <source>街道</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="135"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="224"/>
        <source>59 分钟前</source>
        <translation>59 min ago</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="235"/>
        <source>刷新失败：%1</source>
        <translation>Refresh failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="283"/>
        <source>在岗 %1 人</source>
        <translation>On duty: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="285"/>
        <source>休息 %1 人</source>
        <translation>Resting: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="286"/>
        <source>离线 %1 人</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="287"/>
        <source>需关注 %1 人</source>
        <translation>Need attention: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="288"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/panels/supervisors.py" line="295"/>
        <source>（显示 %1 人）</source>
        <translation> (%1 shown)</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="49"/>
        <source>派发（Enter）</source>
        <translation>Send (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="52"/>
        <source>本网格监督员（正在加载…）</source>
        <translation>Grid cell&apos;s own supervisor (loading…)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="53"/>
        <source>监督员</source>
        <translation>Field supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="67"/>
        <source>（最近的在岗监督员）</source>
        <translation> (nearest on duty)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="67"/>
        <source>（本网格监督员）</source>
        <translation> (this grid cell&apos;s supervisor)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="72"/>
        <source>本网格监督员不在岗，已推荐最近的在岗监督员</source>
        <translation>The grid cell&apos;s own supervisor is not on duty; the nearest one on duty is suggested</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="74"/>
        <source>本网格没有负责的监督员，请指定</source>
        <translation>No field supervisor covers this grid cell; choose one</translation>
    </message>
    <message>
        <location filename="../../ui/actions/case_dialogs.py" line="80"/>
        <source>请选择监督员</source>
        <translation>Choose a field supervisor</translation>
    </message>
</context>
<context>
    <name>SupervisorTableModel</name>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="75"/>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="75"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="75"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="75"/>
        <source>所属街道</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="76"/>
        <source>巡查网格数</source>
        <translation>Grid cells</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="76"/>
        <source>最后定位</source>
        <translation>Last fix</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="76"/>
        <source>距今</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="77"/>
        <source>今日上报</source>
        <translation>Reports today</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="77"/>
        <source>待核实</source>
        <translation>To verify</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="77"/>
        <source>待核查</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="77"/>
        <source>超时任务</source>
        <translation>Late tasks</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="80"/>
        <source>巡查中</source>
        <translation>Patrolling</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="81"/>
        <source>核实/核查中</source>
        <translation>Verifying/checking</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="82"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="83"/>
        <source>休息</source>
        <translation>Resting</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="104"/>
        <source>无定位</source>
        <translation>No fix</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="106"/>
        <source>刚刚</source>
        <translation>just now</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="109"/>
        <source>%1 分钟前</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="111"/>
        <source>%1 小时前</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="112"/>
        <source>%1 天前</source>
        <translation>%1 d ago</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="118"/>
        <source>在岗但没有定位</source>
        <translation>On duty but no position fix</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="121"/>
        <source>超过 %1 分钟没有定位</source>
        <translation>No position fix for over %1 min</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="123"/>
        <source>%1 件核实/核查任务超时</source>
        <translation>Overdue verification/check tasks: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="201"/>
        <source>需关注：</source>
        <translation>Needs attention: </translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="201"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="203"/>
        <source>位置：%1, %2</source>
        <translation>Position: %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/models/supervisor_table.py" line="213"/>
        <source>距最后一次定位的时间；在岗超过 15 分钟无定位标红</source>
        <translation>Time since the last position fix; red when on duty with no fix for over 15 minutes</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <location filename="../../ui/stats/survey_dialog.py" line="41"/>
        <source>录入满意度调查</source>
        <translation>Enter satisfaction survey</translation>
    </message>
    <message>
        <location filename="../../ui/stats/survey_dialog.py" line="52"/>
        <source>派遣人员（全体）</source>
        <translation>Dispatch staff (all)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/survey_dialog.py" line="56"/>
        <source>调查对象</source>
        <translation>Surveyed</translation>
    </message>
    <message>
        <location filename="../../ui/stats/survey_dialog.py" line="56"/>
        <source>调查人数</source>
        <translation>People asked</translation>
    </message>
    <message>
        <location filename="../../ui/stats/survey_dialog.py" line="57"/>
        <source>满意人数（含基本满意）</source>
        <translation>Satisfied (incl. basically satisfied)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/survey_dialog.py" line="74"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/stats/survey_dialog.py" line="75"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/stats/survey_dialog.py" line="79"/>
        <source>调查月份</source>
        <translation>Survey month</translation>
    </message>
    <message>
        <location filename="../../ui/stats/survey_dialog.py" line="83"/>
        <source>调查人数为 0 的对象不计入满意度。</source>
        <translation>Rows with nobody asked do not count in the satisfaction rate.</translation>
    </message>
    <message>
        <location filename="../../ui/stats/survey_dialog.py" line="108"/>
        <source>正在加载 {month} 的调查数据…</source>
        <translation>Loading the survey of {month}…</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="60"/>
        <source>绩效目标</source>
        <translation>Performance targets</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="60"/>
        <source>目标值</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="60"/>
        <source>本期实测</source>
        <translation>Measured</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="60"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="61"/>
        <source>计算口径</source>
        <translation>How it is measured</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="71"/>
        <source>目标依据：呈贡分中心 2026 年度网格化监督项目绩效目标申报。实测按本页所选统计期计算（不受街道、社区、类别、单位筛选影响）；满意度调查由值班长每月录入。</source>
        <translation>Targets: the Chenggong sub-centre&apos;s 2026 performance-target declaration for the grid supervision project. Measured over the period chosen above (the street, community, category and unit filters do not apply); the satisfaction surveys are entered monthly by the shift leader.</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="76"/>
        <source>录入满意度调查…</source>
        <translation>Enter satisfaction survey…</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="93"/>
        <source>项目绩效目标 · 本期实测（{period}）</source>
        <translation>Project performance targets · measured ({period})</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="104"/>
        <source>绩效目标无法计算：{message}</source>
        <translation>The targets could not be computed: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="112"/>
        <source>≥ 95%</source>
        <translation>≥ 95%</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="114"/>
        <source>30 名监督员 365 天采集信息</source>
        <translation>30 supervisors collecting information 365 days</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="114"/>
        <source>每天 30 人在岗</source>
        <translation>30 on duty every day</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="115"/>
        <source>当天有定位上报或上报、核实、核查案件的监督员计为在岗</source>
        <translation>A supervisor is on duty on a day with a position fix or a report, verification or check that day</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="116"/>
        <source>验收合格率</source>
        <translation>Acceptance pass rate</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="117"/>
        <source>监督员有效上报率 = 有效上报数 ÷ 上报数</source>
        <translation>Supervisors&apos; valid report rate = valid reports ÷ reports</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="118"/>
        <source>预算执行率</source>
        <translation>Budget execution</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="119"/>
        <source>系统中没有项目预算与实际支出数据，需财务部门提供预算执行情况</source>
        <translation>The system holds no project budget or spending data; the finance department must provide the budget execution</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="120"/>
        <source>月度外包服务费</source>
        <translation>Monthly outsourcing cost</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="120"/>
        <source>103,500 元／月（全年 1,242,000 元）</source>
        <translation>CNY 103,500 a month (CNY 1,242,000 a year)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="121"/>
        <source>系统不记录外包服务合同与付款数据</source>
        <translation>The system does not record outsourcing contracts or payments</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="122"/>
        <source>消除安全隐患，市民出行安全</source>
        <translation>Hazards eliminated, citizens&apos; travel safety</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="123"/>
        <source>安全隐患类（井盖、燃气、路面塌陷、线缆脱落等）按期结案数 ÷ 应结案数</source>
        <translation>Safety-related classes (manhole covers, gas, road collapse, fallen wires …): closed on time ÷ due to close</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="125"/>
        <source>市民满意度</source>
        <translation>Citizens&apos; satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="126"/>
        <source>回访中（满意 + 基本满意）÷ 已回访案件数</source>
        <translation>Call-backs: (satisfied + basically satisfied) ÷ citizens who answered</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="127"/>
        <source>处置单位满意度</source>
        <translation>Handling units&apos; satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="128"/>
        <source>值班长录入的处置单位满意度调查：满意人数 ÷ 调查人数</source>
        <translation>The shift leader&apos;s survey of the handling units: satisfied ÷ asked</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="129"/>
        <source>派遣人员满意度</source>
        <translation>Dispatch staff&apos;s satisfaction</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="130"/>
        <source>值班长录入的派遣人员满意度调查：满意人数 ÷ 调查人数</source>
        <translation>The shift leader&apos;s survey of the dispatch staff: satisfied ÷ asked</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="135"/>
        <location filename="../../ui/stats/targets_page.py" line="148"/>
        <source>无法计算</source>
        <translation>Cannot be measured</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="137"/>
        <source>—（本期无数据）</source>
        <translation>— (no data in the period)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="139"/>
        <source>日均 {mean} 人，最少 {least} 人；满员 {full}/{days} 天</source>
        <translation>{mean} a day on average, at least {least}; fully staffed {full}/{days} days</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="146"/>
        <source>达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="146"/>
        <source>未达标</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../ui/stats/targets_page.py" line="147"/>
        <source>本期无数据</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="198"/>
        <source>请填写内容</source>
        <translation>Enter the text</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="359"/>
        <source>最新在前 ↓</source>
        <translation>Newest first ↓</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="360"/>
        <source>点击改为按时间顺序（最早在前）</source>
        <translation>Click for chronological order (oldest first)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="362"/>
        <source>最早在前 ↑</source>
        <translation>Oldest first ↑</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/timeline.py" line="363"/>
        <source>点击改为最新在前</source>
        <translation>Click for newest first</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <location filename="../../ui/notifications.py" line="105"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>UnitListModel</name>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="87"/>
        <source>★ 推荐</source>
        <translation>★ Recommended</translation>
    </message>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="87"/>
        <source>候选</source>
        <translation>Candidate</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <location filename="../../ui/actions/dispatch.py" line="128"/>
        <source>改派其他单位：输入单位名称或代码筛选</source>
        <translation>Dispatch to another unit: type a unit name or code to filter</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="241"/>
        <source>录入核实结果</source>
        <translation>Enter verification result</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="241"/>
        <source>确定（Enter）</source>
        <translation>OK (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="243"/>
        <source>属实（转待立案）</source>
        <translation>Genuine (ready to file)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="245"/>
        <source>不属实（作废）</source>
        <translation>Not genuine (void)</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="256"/>
        <source>核实结果</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="258"/>
        <source>不属实原因</source>
        <translation>Why not genuine</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="266"/>
        <source>请选择核实结果：属实或不属实</source>
        <translation>Choose the verification result: genuine or not genuine</translation>
    </message>
    <message>
        <location filename="../../ui/actions/text_dialogs.py" line="270"/>
        <source>请选择或填写不属实的原因</source>
        <translation>Choose or enter why the report is not genuine</translation>
    </message>
</context>
<context>
    <name>YearGrid</name>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="247"/>
        <source>休</source>
        <translation>H</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="247"/>
        <source>班</source>
        <translation>W</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="349"/>
        <source>备注：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/year_grid.py" line="351"/>
        <source>录入人：%1</source>
        <translation>Entered by: %1</translation>
    </message>
</context>
<context>
    <name>_MapBase</name>
    <message>
        <location filename="../../ui/map/widget.py" line="196"/>
        <source>北</source>
        <translation>N</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="147"/>
        <location filename="../../ui/app.py" line="153"/>
        <source>正在准备数据库…</source>
        <translation>Preparing the database…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="148"/>
        <source>网格化指挥调度工作站</source>
        <translation>Grid Dispatch Workstation</translation>
    </message>
</context>
</TS>
