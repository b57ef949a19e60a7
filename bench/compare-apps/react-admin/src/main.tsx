// A stock react-admin list app: <Admin>, one <Resource>, <List><Datagrid>, nothing tuned.
import { createRoot } from 'react-dom/client';
import { Admin, Datagrid, DateField, FunctionField, List, NumberField, Resource, TextField } from 'react-admin';
import { guardianDataProvider, type PolicyRecord } from './guardian-data-provider';

function PolicyList() {
  // The same page size as the console's catalog, so both draw the same rows.
  return (
    <List perPage={100} sort={{ field: 'id', order: 'ASC' }}>
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="id" label="Policy" />
        <TextField source="description" label="Title / description" />
        <NumberField source="version" label="Versions" />
        <NumberField source="stepCount" label="Steps" />
        <FunctionField<PolicyRecord>
          label="Labels"
          render={(record) =>
            Object.entries(record.labels)
              .map(([key, value]) => `${key}: ${value}`)
              .join(', ')
          }
        />
        <TextField source="author" label="Author" emptyText="—" />
        <DateField source="updatedAt" label="Updated" showTime emptyText="—" />
      </Datagrid>
    </List>
  );
}

createRoot(document.getElementById('root')!).render(
  <Admin dataProvider={guardianDataProvider}>
    <Resource name="policies" list={PolicyList} />
  </Admin>,
);
