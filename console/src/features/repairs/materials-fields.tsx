import { Form, Typography } from 'antd';
import { MATERIAL_LABEL } from '../../lib/labels';
import { REPAIR_TEXT as T } from './texts';

export type MaterialFiles = Partial<Record<string, File>>;

/**
 * One file input per kind of material (令第36号's checklist), required kinds marked; native file inputs, each with
 * its own label, so the checklist works from the keyboard and with a screen reader.
 */
export function MaterialsFields({ files, onChange, required, kinds = Object.keys(MATERIAL_LABEL) }: {
  files: MaterialFiles;
  onChange: (files: MaterialFiles) => void;
  required: readonly string[];
  kinds?: string[];
}) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Typography.Text strong>{T.checklist}</Typography.Text>
      </legend>
      <Typography.Paragraph type="secondary">{T.checklistHelp}</Typography.Paragraph>
      {kinds.map((kind) => {
        const inputId = `material-${kind}`;
        return (
          <Form.Item key={kind} label={T.materialFile(MATERIAL_LABEL[kind] ?? kind)} htmlFor={inputId} required={required.includes(kind)} style={{ marginBottom: 12 }}>
            <input
              id={inputId}
              type="file"
              accept=".pdf,application/pdf,image/png,image/jpeg"
              onChange={(e) => onChange({ ...files, [kind]: e.target.files?.[0] })}
            />
          </Form.Item>
        );
      })}
    </fieldset>
  );
}

/** Uploads the chosen files and returns the application's materials (title: the kind's name and the file's). */
export async function uploadMaterials(files: MaterialFiles, upload: (file: File) => Promise<string>) {
  const chosen = Object.entries(files).filter((entry): entry is [string, File] => !!entry[1]);
  return Promise.all(
    chosen.map(async ([kind, file]) => ({
      kind: kind as 'APPLICATION_FORM',
      title: `${MATERIAL_LABEL[kind] ?? kind}（${file.name}）`.slice(0, 200),
      fileId: await upload(file),
    })),
  );
}
